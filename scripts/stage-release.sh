#!/usr/bin/env bash
# Stages a release (docs/releasing.md): builds the published modules with the release profile, which
# deploys them into target/staging-repo with their poms, sources and javadoc jars and SHA-512,
# SHA-256, SHA-1 and MD5 checksums; then checks that every published module landed there whole.
# Signing and uploading are left to the releaser. Tests are not run (-DskipTests, and
# -Dinvoker.skip=true for the Maven plugin's ITs): stage a commit the test command
# (scripts/test.sh) passed on.
# Usage: stage-release.sh [maven arguments...]   (e.g. -o to stay offline)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
staging="$root/target/staging-repo"   # the release profile's altDeploymentRepository (pom.xml, bom/pom.xml)
rm -rf "$staging"

# The modules that set nostdwasm.publish.skip deploy nothing and take long to build: leave them out.
mapfile -t unpublished < <(grep -l '<nostdwasm.publish.skip>true</nostdwasm.publish.skip>' -- */pom.xml examples/*/pom.xml | xargs -n 1 dirname)
excluded=$(printf '!%s,' "${unpublished[@]}"); excluded=${excluded%,}
# The checksums Maven's resolver writes next to each deployed file (its default is SHA-1 and MD5).
./mvnw -B -ntp -Prelease deploy -DskipTests -pl "$excluded" \
  -Dinvoker.skip=true -Daether.checksums.algorithms=SHA-512,SHA-256,SHA-1,MD5 "$@"

# Every published module (a reactor module without nostdwasm.publish.skip, and the parent) must be in the
# staging repository with its pom, and, when it is a jar, its jar, sources and javadoc; every file
# with its four checksums, each matching.
python3 - "$staging" pom.xml "${unpublished[@]}" <<'PY'
import hashlib, pathlib, re, sys
staging, parent_pom, unpublished = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), set(sys.argv[3:])

def artifact_id_and_packaging(pom):
    text = re.sub(r"<parent>.*?</parent>", "", pom.read_text(), flags=re.S)
    packaging = re.search(r"<packaging>(.*?)</packaging>", text)
    return re.search(r"<artifactId>(.*?)</artifactId>", text).group(1), packaging.group(1) if packaging else "jar"

modules = re.findall(r"<module>(.*?)</module>", parent_pom.read_text())
published = [artifact_id_and_packaging(parent_pom)] + [
    artifact_id_and_packaging(pathlib.Path(m) / "pom.xml") for m in modules if m not in unpublished]
problems = []
for artifact_id, packaging in published:
    # .../dev/nostdwasm/<artifactId>/<version>/<artifactId>-<version or snapshot stamp>[-classifier].<ext>
    files = [f for f in staging.glob(f"*/*/{artifact_id}/*/{artifact_id}-*") if f.suffix not in (".sha1", ".md5", ".sha256", ".sha512")]
    names = [f.name for f in files]
    wanted = [r"\.pom$"] + ([r"\d\.jar$", r"-sources\.jar$", r"-javadoc\.jar$"] if packaging != "pom" else [])
    for pattern in wanted:
        if not any(re.search(pattern, n) for n in names):
            problems.append(f"{artifact_id}: no file matching {pattern} (found {names or 'nothing'})")
    for f in files:
        data = f.read_bytes()
        for ext, algorithm in ((".sha1", "sha1"), (".md5", "md5"), (".sha256", "sha256"), (".sha512", "sha512")):
            checksum = f.with_name(f.name + ext)
            if not checksum.exists():
                problems.append(f"{f.name}: no {ext} checksum")
            elif checksum.read_text().split()[0] != hashlib.new(algorithm, data).hexdigest():
                problems.append(f"{f.name}: {ext} does not match")
for f in sorted(staging.rglob("*")):
    if f.is_file():
        print(f.relative_to(staging))
for p in problems:
    print("stage-release: " + p, file=sys.stderr)
print(f"stage-release: {len(published)} published artifacts in {staging}, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
