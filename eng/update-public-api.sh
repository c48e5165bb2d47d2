#!/usr/bin/env bash
# Brings a project's PublicAPI.Unshipped.txt in line with its code: adds every public symbol the build reports as
# undeclared (RS0016) and removes every declared symbol that no longer exists (RS0017).
# Usage: eng/update-public-api.sh src/Ttn.Provisioning   (review the diff before committing)
set -euo pipefail
project_dir=${1:?usage: eng/update-public-api.sh <src/project-dir>}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$project_dir" --no-incremental > "$log" 2>&1 || true
grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u >> "$unshipped" || true
grep -oP "error RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" "$log" | sort -u > "$log.removed" || true
if [ -s "$log.removed" ]; then
  grep -vxF -f "$log.removed" "$unshipped" > "$unshipped.tmp" || true
  mv "$unshipped.tmp" "$unshipped"
fi
rm -f "$log.removed"
{ head -n 1 "$unshipped"; tail -n +2 "$unshipped" | LC_ALL=C sort -u; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
echo "$(($(wc -l < "$unshipped") - 1)) symbols declared in $unshipped"
