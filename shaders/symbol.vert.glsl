// One instance per point; a screen-aligned quad of u_size pixels around it.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_weight;  // points this instance stands for (level of detail)

uniform float u_size;  // physical pixels, symbol diameter incl. stroke

out vec2 v_local;  // -1..1 across the symbol box (plus antialiasing margin)
flat out float v_weight;

void main() {
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
    float half_ = 0.5 * u_size + 1.0;
    v_local = corner * half_;
    v_weight = a_weight;
    gl_Position = pixelsToClip(mapToPixels(a_pos) + corner * half_);
}
