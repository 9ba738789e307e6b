// The raster overlay (heatmap): one quad over the grid's extent, u_rect = minX, minY, maxX, maxY relative
// to the origin.
uniform vec4 u_rect;

out vec2 v_uv;  // 0..1 across the grid, v = 0 at the top row

void main() {
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? 0.0 : 1.0, (gl_VertexID & 2) == 0 ? 0.0 : 1.0);
    vec2 position = mix(u_rect.xy, u_rect.zw, corner);
    v_uv = vec2(corner.x, 1.0 - corner.y);
    gl_Position = pixelsToClip(mapToPixels(position));
}
