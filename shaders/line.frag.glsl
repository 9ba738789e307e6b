in vec2 v_local;
in float v_length;
in float v_dist0;

uniform vec4 u_color;
uniform float u_halfWidth;
uniform float u_dash;  // dash length in pixels, 0 = solid

out vec4 o_color;

void main() {
    // Distance to the segment: round caps, and round joins where segments meet.
    float t = clamp(v_local.x, 0.0, v_length);
    float d = length(vec2(v_local.x - t, v_local.y));
    float coverage = clamp(u_halfWidth - d + 0.5, 0.0, 1.0);
    if (u_dash > 0.0) {
        float s = v_dist0 + t;
        if (mod(s, 2.0 * u_dash) > u_dash) discard;
    }
    if (coverage <= 0.0) discard;
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
