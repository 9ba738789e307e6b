in vec2 v_local;
flat in float v_weight;

// SYMBOL_SHAPE (defined by the program): 0 circle, 1 square, 2 triangle, 3 diamond, 4 star, 5 cross.
#ifndef SYMBOL_SHAPE
#define SYMBOL_SHAPE 0
#endif
uniform float u_size;
uniform vec4 u_fill;
uniform vec4 u_stroke;
uniform float u_strokeWidth;

out vec4 o_color;

// Signed distance in pixels to the outline of the shape of radius r (negative inside).
float shapeDistance(vec2 p, float r) {
    if (SYMBOL_SHAPE == 1) {
        vec2 q = abs(p) - vec2(r * 0.85);
        return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
    }
    if (SYMBOL_SHAPE == 2) {
        // equilateral triangle pointing up (screen y grows downwards in v_local's flipped frame)
        vec2 q = vec2(abs(p.x), p.y + r * 0.25);
        float k = sqrt(3.0);
        return max(q.x * k * 0.5 + q.y * 0.5, -q.y) - r * 0.5;
    }
    if (SYMBOL_SHAPE == 3) return (abs(p.x) + abs(p.y) - r) * 0.7071;
    if (SYMBOL_SHAPE == 4) {
        // five-pointed star from its polar form
        float a = atan(p.x, p.y);
        float seg = 6.2831853 / 5.0;
        float m = mod(a + seg * 0.5, seg) - seg * 0.5;
        float inner = 0.45;
        float t = abs(m) / (seg * 0.5);
        float radius = mix(r, r * inner, t);
        return (length(p) - radius) * 0.8;
    }
    if (SYMBOL_SHAPE == 5) {
        vec2 q = abs(p);
        float arm = r * 0.3;
        return min(max(q.x - arm, q.y - r), max(q.y - arm, q.x - r));
    }
    return length(p) - r;
}

void main() {
    float r = 0.5 * u_size;
    float d = shapeDistance(v_local, r);
    float outer = clamp(0.5 - d, 0.0, 1.0);
    if (outer <= 0.0) discard;
    float inner = clamp(0.5 - (d + u_strokeWidth), 0.0, 1.0);
    vec4 color = u_strokeWidth > 0.0 ? mix(u_stroke, u_fill, inner) : u_fill;
    // An instance standing for n coincident points: the alpha of n layers of alpha a drawn over each other.
    float alpha = color.a * outer;
    o_color = vec4(color.rgb, v_weight > 1.0 ? 1.0 - pow(1.0 - alpha, v_weight) : alpha);
}
