// Point symbols: three vertices per point, no vertex attributes. The point comes from a buffer texture
// (x, y relative to the origin, weight), or from u_point for single symbols (legend, highlight). Each
// symbol is one screen-aligned triangle around it: on a software rasteriser a triangle's setup costs more
// than the few extra pixels it covers compared with a quad.
uniform samplerBuffer u_points;
uniform bool u_single;
uniform vec2 u_point;

uniform float u_size;  // physical pixels, symbol diameter incl. stroke
#ifndef SYMBOL_SHAPE
#define SYMBOL_SHAPE 0  // 0 circle; other shapes reach into the corners of their box
#endif

out vec2 v_local;  // pixels from the point, y up
flat out float v_weight;

void main() {
    int point = gl_VertexID / 3;
    int corner = gl_VertexID - 3 * point;
    vec4 data = u_single ? vec4(u_point, 1.0, 0.0) : texelFetch(u_points, point);
    // The equilateral triangle whose incircle has radius `reach` (vertices at 90°, 210°, 330°).
    float half_ = 0.5 * u_size + 1.0;
    float reach = SYMBOL_SHAPE == 0 ? half_ : half_ * 1.4143;
    vec2 offset = corner == 0 ? vec2(0.0, 2.0) : vec2(corner == 1 ? -1.7321 : 1.7321, -1.0);
    v_local = offset * reach;
    v_weight = data.z;
    gl_Position = pixelsToClip(mapToPixels(data.xy) + v_local);
}
