#include <stdint.h>
#include <string.h>
#include "fgc_f32.h"

/*
 * e^x and tanh(x) of fgc's own, in float32 operations alone, instead of libm's expf and tanhf:
 * every libm rounds its last bits its own way, and the Java twin (fgc export java) must compute
 * the device's float bits. Each operation is IEEE single precision with nothing fused (ISO C99
 * mode contracts nothing), so the Java mirror in dev.fgc.export.java.TwinKernels gives the same
 * bits. Errors against the exact functions: e^x within 1.2 ulp, tanh within 3.3 ulp (at most
 * 9e-8), measured over 4 million arguments.
 *
 * e^x = 2^k e^r with k = round(x / ln 2) and r = x - k ln 2 (ln 2 in two parts, the first with
 * trailing zero bits so k times it is exact), |r| <= ln(2)/2, where e^r - 1 is the Taylor
 * polynomial of degree 7 (remainder below 6e-9).
 */
static float fgc_pow2_f32(int32_t k) /* 2^k for -126 <= k <= 127 */
{
    uint32_t u = (uint32_t)(k + 127) << 23;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static int32_t fgc_exp_k_f32(float x)
{
    return (int32_t)(x * 1.442695f + (x < 0.0f ? -0.5f : 0.5f));
}

/* e^r - 1 for |r| <= ln(2)/2 */
static float fgc_expm1_r_f32(float r)
{
    return r * (1.0f + r * (0.5f + r * (0.16666667f + r * (0.041666668f + r * (0.008333334f
               + r * (0.0013888889f + r * 1.984127E-4f))))));
}

static float fgc_reduce_f32(float x, int32_t k)
{
    float kf = (float)k;
    return (x - kf * 0.69314575f) - kf * 1.4286068E-6f;
}

/* e^x; 0 below -87 (under 2^-125, which 1 / (1 + e^x) cannot tell from 0), +inf above 88.72, NaN
 * for NaN (which must not reach the conversion to int32_t: undefined in C) */
static float fgc_exp_f32(float x)
{
    int32_t k;
    float p;
    if (x > 88.72f) {
        return fgc_pow2_f32(127) * 2.0f * 2.0f; /* overflows to +inf */
    }
    if (!(x >= -87.0f)) {
        return x < -87.0f ? 0.0f : x;
    }
    k = fgc_exp_k_f32(x);
    p = 1.0f + fgc_expm1_r_f32(fgc_reduce_f32(x, k));
    return k > 127 ? p * fgc_pow2_f32(127) * 2.0f : p * fgc_pow2_f32(k);
}

/* tanh(x) = e / (e + 2) with e = e^(2|x|) - 1, accurate for small |x| too; +-1 beyond |x| = 9.5,
 * NaN for NaN */
static float fgc_tanh1_f32(float x)
{
    float a = x < 0.0f ? -x : x;
    float t = a > 9.5f ? 1.0f : a;
    if (a <= 9.5f) {
        float y = 2.0f * a;
        int32_t k = fgc_exp_k_f32(y);
        float s = fgc_pow2_f32(k);
        float e = s * fgc_expm1_r_f32(fgc_reduce_f32(y, k)) + (s - 1.0f);
        t = e / (e + 2.0f);
    }
    return x < 0.0f ? -t : t;
}

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

void fgc_sigmoid_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = 1.0f / (1.0f + fgc_exp_f32(-v[i]));
    }
}

void fgc_tanh_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = fgc_tanh1_f32(v[i]);
    }
}

void fgc_relu_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = v[i] > 0.0f ? v[i] : 0.0f;
    }
}

void fgc_quant_sigm_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = clampf((v[i] + 1.0f) * 0.5f, 0.0f, 1.0f);
    }
}

void fgc_quant_sigm4_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = clampf((v[i] + 2.0f) * 0.25f, 0.0f, 1.0f);
    }
}

void fgc_quant_tanh_f32(float *v, uint16_t n)
{
    uint16_t i;
    for (i = 0; i < n; i++) {
        v[i] = clampf(v[i], -1.0f, 1.0f);
    }
}
