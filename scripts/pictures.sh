#!/usr/bin/env bash
# Regenerates the pictures in docs/images/ from the seed: a page of the DOCX briefing as LibreOffice lays it out,
# and pages of the PDF briefings. Needs LibreOffice and poppler-utils (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node packages/cli/bin/policybrief.js pack seeds/beijing-internet-plus-2016.txt --out "$work/pack" --formats docx,pdf --quiet
soffice --headless --norestore "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work" "$work/pack/document.docx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/document.pdf" docs/images/docx-document-page1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/pack/document.pdf" docs/images/pdf-document-page1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/pack/matrix.pdf" docs/images/pdf-matrix-page1
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/pack/agencies/市发展改革委/brief.pdf" docs/images/pdf-agency-page1
ls -la docs/images
