// Shared prelude, prepended to every shader after the #version line.
precision highp float;

// Map coordinates are stored relative to a double-precision origin; u_offset = origin - view centre in
// metres (computed in double on the CPU), u_pixelsPerMetre converts to physical pixels.
uniform vec2 u_offset;
uniform float u_pixelsPerMetre;
uniform vec2 u_viewport;  // physical pixels

vec2 mapToPixels(vec2 local) { return (local + u_offset) * u_pixelsPerMetre; }  // y up, from centre
vec4 pixelsToClip(vec2 pixels) { return vec4(pixels / (0.5 * u_viewport), 0.0, 1.0); }
