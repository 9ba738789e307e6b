// One instance per segment; the four vertices of a triangle strip span the segment's capsule.
layout(location = 0) in vec2 a_p0;
layout(location = 1) in vec2 a_p1;
layout(location = 2) in float a_dist0;  // metres along the line at a_p0 (for dashes)

uniform float u_halfWidth;  // physical pixels

out vec2 v_local;  // x along the segment from p0, y across, in pixels
out float v_length;
out float v_dist0;

void main() {
    vec2 p0 = mapToPixels(a_p0);
    vec2 p1 = mapToPixels(a_p1);
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float r = u_halfWidth + 1.0;
    float along = (gl_VertexID & 1) == 0 ? -r : len + r;
    float across = (gl_VertexID & 2) == 0 ? -r : r;
    v_local = vec2(along, across);
    v_length = len;
    v_dist0 = a_dist0 * u_pixelsPerMetre;
    gl_Position = pixelsToClip(p0 + dir * along + normal * across);
}
