#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt.
# Usage: eng/update-public-api.sh src/Ttn.Provisioning   (review the diff before committing)
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh <src/project-dir>}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
dotnet build "$project_dir" --no-incremental 2>&1 \
  | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" \
  | sort -u >> "$unshipped" || true
{ head -n 1 "$unshipped"; tail -n +2 "$unshipped" | LC_ALL=C sort -u; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
echo "$(($(wc -l < "$unshipped") - 1)) symbols declared in $unshipped"
