/*
 * Bit-sliced Curl-P-81 nonce search for org.iotahome.protocol.pow.NativeNonceSearch.
 *
 * Why C: the Java Vector API of JDK 17 reaches about 2.5x jota's PearlDiver per core on this
 * kind of machine; the same loop compiled by GCC reaches about 4x (the field's reference, dcurl,
 * is C too). The Java engines stay as the portable fallback.
 *
 * Layout (shared with BitslicedState.java): trit i of the Curl state has `words` uint64 per
 * array, low[i*words .. i*words+words) and high[...]; per lane, -1 = (1,0), 0 = (1,1), +1 = (0,1).
 * One engine per vector width, chosen at run time by what the CPU supports.
 */
#include <jni.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define STATE 729
#define RATE 243
#define ROUNDS 81

/* Adds one to the counter trits, which all lanes share (BitslicedState.increment). */
static void increment(uint64_t *low, uint64_t *high, int words, int from, int to) {
    for (int t = from; t < to; t++) {
        uint64_t l, h;
        int carry = 0;
        if (high[t * words] == 0) { l = ~0ULL; h = ~0ULL; }          /* -1 -> 0 */
        else if (low[t * words] == ~0ULL) { l = 0; h = ~0ULL; }     /*  0 -> +1 */
        else { l = ~0ULL; h = 0; carry = 1; }                        /* +1 -> -1, carry */
        for (int w = 0; w < words; w++) { low[t * words + w] = l; high[t * words + w] = h; }
        if (!carry) return;
    }
}

/*
 * Six 729-vector planes (start, and two rounds' worth) of the widest engine, allocated once per
 * thread: a search call is short, so a fresh 280 KB allocation each time would cost more than
 * the work between two stop checks.
 */
#define WORK_BYTES (6 * STATE * 64)
static pthread_key_t work_key;
static pthread_once_t work_once = PTHREAD_ONCE_INIT;

static void make_work_key(void) {
    pthread_key_create(&work_key, free);
}

static void *work_buffer(void) {
    pthread_once(&work_once, make_work_key);
    void *buf = pthread_getspecific(work_key);
    if (!buf) {
        buf = aligned_alloc(64, WORK_BYTES);
        if (buf && pthread_setspecific(work_key, buf) != 0) { free(buf); buf = NULL; }
    }
    return buf;
}

#define DEFINE_ENGINE(NAME, BYTES, TARGET)                                                        \
typedef uint64_t NAME##_vec __attribute__((vector_size(BYTES)));                                  \
                                                                                                  \
__attribute__((target(TARGET))) static inline void NAME##_round(                                  \
        const NAME##_vec *l, const NAME##_vec *h, NAME##_vec *ol, NAME##_vec *oh) {                \
    /* Curl's index walk 0, 364, 728, 363, 727, ... as two contiguous runs. */                    \
    NAME##_vec a = l[0], ah = h[0], b = l[364], bh = h[364];                                      \
    NAME##_vec d = (a | ~bh) & (b ^ ah);                                                          \
    ol[0] = ~d; oh[0] = (a ^ bh) | d;                                                             \
    for (int k = 1; k <= 364; k++) {                                                              \
        NAME##_vec pl = l[729 - k], ph = h[729 - k];                                              \
        NAME##_vec ql = l[365 - k], qh = h[365 - k];                                              \
        NAME##_vec rl = l[364 - k], rh = h[364 - k];                                              \
        NAME##_vec d1 = (ql | ~ph) & (pl ^ qh);                                                   \
        ol[2 * k - 1] = ~d1; oh[2 * k - 1] = (ql ^ ph) | d1;                                      \
        NAME##_vec d2 = (pl | ~rh) & (rl ^ ph);                                                   \
        ol[2 * k] = ~d2; oh[2 * k] = (pl ^ rh) | d2;                                              \
    }                                                                                             \
}                                                                                                 \
                                                                                                  \
/* Returns the winning lane, or -1 once *stop is set; `low/high` advance past what was tried. */  \
__attribute__((target(TARGET))) static int NAME##_search(uint64_t *low, uint64_t *high, int mwm,  \
        int counter_from, int counter_to, const volatile int32_t *stop) {                         \
    const int words = BYTES / 8;                                                                  \
    NAME##_vec *buf = (NAME##_vec *) work_buffer();                                               \
    if (!buf) return -2;                                                                          \
    NAME##_vec *sl = buf, *sh = buf + STATE, *al = buf + 2 * STATE, *ah = buf + 3 * STATE;        \
    NAME##_vec *bl = buf + 4 * STATE, *bh = buf + 5 * STATE;                                      \
    memcpy(sl, low, STATE * sizeof(NAME##_vec));                                                  \
    memcpy(sh, high, STATE * sizeof(NAME##_vec));                                                 \
    int lane = -1;                                                                                \
    while (lane < 0 && !*stop) {                                                                  \
        memcpy(al, sl, STATE * sizeof(NAME##_vec));                                               \
        memcpy(ah, sh, STATE * sizeof(NAME##_vec));                                               \
        for (int r = 0; r < ROUNDS / 2; r++) {                                                    \
            NAME##_round(al, ah, bl, bh);                                                         \
            NAME##_round(bl, bh, al, ah);                                                         \
        }                                                                                         \
        NAME##_round(al, ah, bl, bh);                                                             \
        const uint64_t *rl = (const uint64_t *) bl, *rh = (const uint64_t *) bh;                  \
        for (int w = 0; w < words && lane < 0; w++) {                                             \
            uint64_t hit = ~0ULL;                                                                 \
            for (int i = RATE - mwm; i < RATE && hit; i++) hit &= ~(rl[i * words + w] ^ rh[i * words + w]); \
            if (hit) lane = w * 64 + __builtin_ctzll(hit);                                        \
        }                                                                                         \
        if (lane < 0) increment((uint64_t *) sl, (uint64_t *) sh, words, counter_from, counter_to); \
    }                                                                                             \
    memcpy(low, sl, STATE * sizeof(NAME##_vec));                                                  \
    memcpy(high, sh, STATE * sizeof(NAME##_vec));                                                 \
    return lane;                                                                                  \
}

DEFINE_ENGINE(v512, 64, "avx512f")
DEFINE_ENGINE(v256, 32, "avx2")
DEFINE_ENGINE(v64, 8, "default")

static int words(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 8;
    if (__builtin_cpu_supports("avx2")) return 4;
    return 1;
}

JNIEXPORT jint JNICALL Java_org_iotahome_protocol_pow_NativeNonceSearch_words0(JNIEnv *env, jclass cls) {
    return words();
}

JNIEXPORT jint JNICALL Java_org_iotahome_protocol_pow_NativeNonceSearch_search0(JNIEnv *env, jclass cls,
        jlongArray low, jlongArray high, jint mwm, jint counter_from, jint counter_to, jobject stop_flag) {
    int w = words();
    jsize n = STATE * w;
    const volatile int32_t *stop = (*env)->GetDirectBufferAddress(env, stop_flag);
    if (!stop) return -4;
    if ((*env)->GetArrayLength(env, low) != n || (*env)->GetArrayLength(env, high) != n) return -3;
    /* Copies rather than pinning: a search runs for milliseconds or more and must not hold up GC. */
    uint64_t *l = malloc(2 * (size_t) n * sizeof(uint64_t));
    if (!l) return -2;
    uint64_t *h = l + n;
    (*env)->GetLongArrayRegion(env, low, 0, n, (jlong *) l);
    (*env)->GetLongArrayRegion(env, high, 0, n, (jlong *) h);
    int lane;
    if (w == 8) lane = v512_search(l, h, mwm, counter_from, counter_to, stop);
    else if (w == 4) lane = v256_search(l, h, mwm, counter_from, counter_to, stop);
    else lane = v64_search(l, h, mwm, counter_from, counter_to, stop);
    (*env)->SetLongArrayRegion(env, low, 0, n, (jlong *) l);
    (*env)->SetLongArrayRegion(env, high, 0, n, (jlong *) h);
    free(l);
    return lane;
}
