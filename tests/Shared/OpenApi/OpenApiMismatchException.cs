namespace Ttn.Provisioning.Tests.Shared.OpenApi;

/// <summary>
/// A request does not match tts/swagger-subset.json. Deliberately not an HttpRequestException, so the
/// resilience pipeline does not retry or swallow it.
/// </summary>
public sealed class OpenApiMismatchException : Exception
{
    public OpenApiMismatchException(string method, string path, string problem)
        : base($"{method} {path} does not match the OpenAPI spec: {problem}")
    {
        Method = method;
        Path = path;
        Problem = problem;
    }

    public string Method { get; }

    public string Path { get; }

    public string Problem { get; }
}
