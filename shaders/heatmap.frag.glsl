in vec2 v_uv;

uniform sampler2D u_values;  // R32F, row 0 = the grid's top row
uniform sampler2D u_ramp;    // RGBA 256 × 1, straight alpha (render/raster_overlay.cpp: heatRamp)
uniform float u_maximum;
uniform float u_opacity;

out vec4 o_color;

void main() {
    float value = texture(u_values, v_uv).r;
    if (value <= 0.0) discard;
    float t = clamp(value / u_maximum, 0.0, 1.0);
    vec4 color = texture(u_ramp, vec2(t * (255.0 / 256.0) + 0.5 / 256.0, 0.5));
    o_color = vec4(color.rgb, color.a * u_opacity);
}
