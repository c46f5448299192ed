#!/usr/bin/env bash
# Regenerates public/fonts/: DejaVu Serif (regular and bold, from Debian's fonts-dejavu-core)
# cut to the letters a Vietnamese declaration uses (Latin with every Vietnamese letter,
# combining marks, punctuation, ₫), so an export downloads a fifth of the full font. The package
# maker cuts it again to the letters of each document (core::package::pdf).
# Needs: apt-get install fonts-dejavu-core python3-fonttools. The output is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/dejavu
ranges="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20AB,U+20AC,U+2116,U+2190-2193,U+2212,U+25A1,U+2610"
for face in DejaVuSerif DejaVuSerif-Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$ranges" --no-hinting \
    --layout-features='*' --name-IDs='*' --name-languages='*' --output-file="public/fonts/$face.ttf"
done
ls -l public/fonts
