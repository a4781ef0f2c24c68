#!/usr/bin/env bash
# Cuts the two Inter faces the roadmap picture uses down to the characters it can draw, into assets/fonts/.
# Why: resvg re-reads the whole font file for every glyph it outlines (about a thousand per picture), so
# the 340 KB originals cost ~10 ms of file reads per render; the subsets draw the same pixels.
# Run only when the character set below must grow (test/render/fonts.test.ts says when). Needs fontTools'
# pyftsubset (`pip install fonttools`); the sources are the @expo-google-fonts/inter package's files.
set -euo pipefail
cd "$(dirname "$0")/.."
UNICODES="U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+2190-2193,U+20AC,U+2122,U+2212"
for face in 400Regular:Regular 700Bold:Bold; do
  src="node_modules/@expo-google-fonts/inter/${face%%:*}/Inter_${face%%:*}.ttf"
  pyftsubset "$src" --unicodes="$UNICODES" --output-file="assets/fonts/Inter-${face##*:}.subset.ttf"
done
cp node_modules/@expo-google-fonts/inter/LICENSE_FONT assets/fonts/OFL.txt
