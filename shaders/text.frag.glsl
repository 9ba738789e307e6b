in vec2 v_uv;
in vec4 v_color;
in vec4 v_halo;
in float v_size;

uniform sampler2D u_atlas;
uniform float u_spread;    // SDF spread in atlas pixels
uniform float u_baseSize;  // atlas glyph size

out vec4 o_color;

void main() {
    float d = texture(u_atlas, v_uv).r;
    // One screen pixel in SDF units: 0.5 / spread per atlas pixel, scaled to the drawn size.
    float pixel = 0.5 / u_spread * (u_baseSize / max(v_size, 1.0));
    float fill = smoothstep(0.5 - pixel, 0.5 + pixel, d);
    float haloEdge = 0.5 - 1.8 * pixel;  // a halo of about 1.8 pixels
    float halo = smoothstep(haloEdge - pixel, haloEdge + pixel, d);
    vec4 color = mix(vec4(v_halo.rgb, v_halo.a * halo), v_color, fill);
    if (color.a <= 0.003) discard;
    o_color = color;
}
