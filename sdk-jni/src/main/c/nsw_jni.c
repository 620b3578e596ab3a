/* nostd-wasm-java: the JNI glue of the jni provider (dev.nostdwasm.jni.JniAbi).
 *
 * The embedding is not linked in: its wasmtime_* references must resolve
 * against the platform shim, which the user may replace, so both are
 * dlopen()ed at run time by init() (the shim RTLD_GLOBAL first), exactly as
 * rust-nostd/harness/harness.c does. init() fills the table of the
 * embedding's functions, through which the natives of JniNatives call them;
 * both are generated from nsw.h by scripts/gen-abi.py
 * (target/generated-sources/c/nsw_jni_natives.{h,c}). This file holds the
 * rest: loading, the callback stubs, the buffer helpers and JNI_OnLoad. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "nsw_jni_natives.h"

#define JNI_VERSION JNI_VERSION_1_8
#define ABI_CLASS "dev/nostdwasm/jni/JniAbi"

/* jlong <-> pointer, through intptr_t so that no width is assumed. */
#define PTR(type, j) ((type)(intptr_t)(j))
#define JPTR(p) ((jlong)(intptr_t)(p))

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static int initialized;

/* ------------------------------------------------------------ JNI state */

static JavaVM *vm;
static jclass abi_class;       /* global ref to JniAbi */
static jmethodID host_call_id; /* static long hostCall(long, long, long, long) */
static jmethodID finalize_id;  /* static void finalizeEnv(long) */
static jmethodID describe_id;  /* static String describe(Throwable) */
/* Threads the stubs attached are detached when they exit (the key's destructor). */
static pthread_key_t attached_key;

static void detach_on_exit(void *value) {
  JavaVM *attached_vm = value;
  (*attached_vm)->DetachCurrentThread(attached_vm);
}

/* The JNIEnv of this thread, attaching it when wasm runs on a thread the JVM
 * does not know (possible for a store driven from native code). NULL when the
 * library was unloaded or the attach failed. */
static JNIEnv *current_env(void) {
  JavaVM *jvm = vm;
  JNIEnv *env = NULL;
  if (!jvm) return NULL;
  jint rc = (*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION);
  if (rc == JNI_OK) return env;
  if (rc != JNI_EDETACHED) return NULL;
  /* Daemon: such a thread must never keep the JVM from exiting. */
  if ((*jvm)->AttachCurrentThreadAsDaemon(jvm, (void **)&env, NULL) != JNI_OK) return NULL;
  pthread_setspecific(attached_key, jvm);
  return env;
}

static nsw_error_t *error_text(const char *text) {
  return nsw.nsw_error_new((const uint8_t *)text, strlen(text));
}

/* Turns the pending Java exception into an nsw error and clears it: it must
 * not reach wasm frames (they cannot unwind it), and it must not abort the
 * process. Describing it needs memory, so each step may fail with an
 * OutOfMemoryError of its own: that one is cleared too, and the message goes
 * without the description. The local references are deleted here, so that a
 * caller without a local frame leaks none either. */
static nsw_error_t *pending_to_error(JNIEnv *env, const char *what) {
  jthrowable thrown = (*env)->ExceptionOccurred(env);
  (*env)->ExceptionClear(env);
  jstring described = thrown ? (*env)->CallStaticObjectMethod(env, abi_class, describe_id, thrown) : NULL;
  if ((*env)->ExceptionCheck(env)) {
    (*env)->ExceptionClear(env);
    described = NULL;
  }
  const char *detail = described ? (*env)->GetStringUTFChars(env, described, NULL) : NULL;
  if (!detail) (*env)->ExceptionClear(env); /* GetStringUTFChars failed: OutOfMemoryError */
  char text[1024];
  snprintf(text, sizeof text, "nsw-jni: the host %s upcall failed with a Java exception: %s", what,
           detail ? detail : "(no description)");
  if (detail) (*env)->ReleaseStringUTFChars(env, described, detail);
  if (described) (*env)->DeleteLocalRef(env, described);
  if (thrown) (*env)->DeleteLocalRef(env, thrown);
  return error_text(text);
}

/* ------------------------------------------------------------ C stubs */

/* nsw_host_callback_t: forwards to JniAbi.hostCall, which calls the installed Upcalls. */
static nsw_error_t *host_callback_stub(void *host_env, nsw_context_t *caller, nsw_val_raw_t *slots, size_t len) {
  JNIEnv *env = current_env();
  if (!env) return error_text("nsw-jni: no JVM to run the host function on (library unloaded or attach failed)");
  /* The store id is read here rather than by a second JNI call from Java. */
  jlong result = (*env)->CallStaticLongMethod(env, abi_class, host_call_id, JPTR(host_env), JPTR(caller),
                                              (jlong)nsw.nsw_context_store_id(caller), JPTR(slots), (jlong)len);
  if (!(*env)->ExceptionCheck(env)) return PTR(nsw_error_t *, result); /* a long: no local reference made */
  /* A wasm call may run many host calls inside one native method: the failure
   * path's references get their own frame so they do not pile up. */
  if ((*env)->PushLocalFrame(env, 8) != JNI_OK) {
    (*env)->ExceptionClear(env);
    return error_text("nsw-jni: out of memory after a failed host upcall");
  }
  nsw_error_t *error = pending_to_error(env, "function");
  (*env)->PopLocalFrame(env, NULL);
  return error;
}

/* nsw_finalizer_t: forwards to JniAbi.finalizeEnv. Nothing can be reported,
 * so a failure is cleared (after the JVM printed it). */
static void finalizer_stub(void *host_env) {
  JNIEnv *env = current_env();
  if (!env) return;
  if ((*env)->PushLocalFrame(env, 8) != JNI_OK) {
    (*env)->ExceptionClear(env);
    return;
  }
  (*env)->CallStaticVoidMethod(env, abi_class, finalize_id, JPTR(host_env));
  if ((*env)->ExceptionCheck(env)) {
    (*env)->ExceptionDescribe(env); /* prints and clears */
  }
  (*env)->PopLocalFrame(env, NULL);
}

/* ------------------------------------------------------------ loading */

/* Loads the shim and the embedding and fills the table. Returns NULL, or why
 * not: "platform shim: <dlerror>" or "embedding: <dlerror>" (JniAbi tells the
 * two apart by that prefix). Once loaded, later calls do nothing. */
static jstring JNICALL j_init(JNIEnv *env, jclass cls, jstring shim_path, jstring embedding_path) {
  (void)cls;
  char failure[2048] = "";
  const char *shim = (*env)->GetStringUTFChars(env, shim_path, NULL);
  const char *embedding = shim ? (*env)->GetStringUTFChars(env, embedding_path, NULL) : NULL;
  if (!shim || !embedding) {
    if (shim) (*env)->ReleaseStringUTFChars(env, shim_path, shim);
    return NULL; /* OutOfMemoryError pending: init() throws it in Java, which is where it belongs */
  }
  pthread_mutex_lock(&init_lock);
  if (!initialized) {
    /* GLOBAL: the embedding's wasmtime_* symbols resolve against it. */
    if (!dlopen(shim, RTLD_NOW | RTLD_GLOBAL)) {
      snprintf(failure, sizeof failure, "platform shim: %s", dlerror());
    } else {
      void *lib = dlopen(embedding, RTLD_NOW | RTLD_LOCAL);
      if (!lib) {
        snprintf(failure, sizeof failure, "embedding: %s", dlerror());
      } else {
        struct nsw_table table;
#define LOOKUP(name)                                                                                   \
  if (!failure[0] && !(table.name = (__typeof__(name) *)dlsym(lib, #name)))                            \
    snprintf(failure, sizeof failure, "embedding: %s has no symbol " #name " (%s)", embedding, dlerror());
        NSW_FUNCTIONS(LOOKUP)
#undef LOOKUP
        if (!failure[0]) {
          nsw = table;
          initialized = 1;
        } else {
          dlclose(lib); /* a library without every function is of no use: do not keep it mapped */
        }
      }
    }
  }
  pthread_mutex_unlock(&init_lock);
  (*env)->ReleaseStringUTFChars(env, embedding_path, embedding);
  (*env)->ReleaseStringUTFChars(env, shim_path, shim);
  /* NewStringUTF fails with an OutOfMemoryError pending, which init() then throws
   * in Java: never a null that JniAbi.load would take for success. */
  return failure[0] ? (*env)->NewStringUTF(env, failure) : NULL;
}

/* ------------------------------------------------------------ helpers */

static jlong JNICALL j_hostCallbackAddress(JNIEnv *env, jclass cls) {
  (void)env, (void)cls;
  nsw_host_callback_t stub = host_callback_stub; /* checks the type against nsw.h */
  return JPTR(stub);
}

static jlong JNICALL j_finalizerAddress(JNIEnv *env, jclass cls) {
  (void)env, (void)cls;
  nsw_finalizer_t stub = finalizer_stub;
  return JPTR(stub);
}

static jlong JNICALL j_directAddress(JNIEnv *env, jclass cls, jobject buffer) {
  (void)cls;
  return JPTR((*env)->GetDirectBufferAddress(env, buffer));
}

/* NULL with an OutOfMemoryError pending (thrown in Java when this returns), or
 * NULL alone when the JVM has no direct buffers for JNI (JniAbi.view refuses it). */
static jobject JNICALL j_newView(JNIEnv *env, jclass cls, jlong address, jlong length) {
  (void)cls;
  return (*env)->NewDirectByteBuffer(env, PTR(void *, address), length);
}

/* ------------------------------------------------------------ registration */

/* JniAbi's own natives (JniNatives has the generated ones). A mismatch with
 * JniAbi fails RegisterNatives, hence System.load, with NoSuchMethodError. */
#define N(name, sig) {#name, sig, (void *)j_##name}
static const JNINativeMethod natives[] = {
    N(init, "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;"),
    N(hostCallbackAddress, "()J"),
    N(finalizerAddress, "()J"),
    N(directAddress, "(Ljava/nio/ByteBuffer;)J"),
    N(newView, "(JJ)Ljava/nio/ByteBuffer;"),
};
#undef N

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *jvm, void *reserved) {
  (void)reserved;
  JNIEnv *env;
  if ((*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION) != JNI_OK) return JNI_ERR;
  jclass cls = (*env)->FindClass(env, ABI_CLASS);
  if (!cls) return JNI_ERR; /* NoClassDefFoundError pending: System.load throws it */
  if ((*env)->RegisterNatives(env, cls, natives, sizeof natives / sizeof natives[0]) != JNI_OK) return JNI_ERR;
  jclass natives_cls = (*env)->FindClass(env, NSW_NATIVES_CLASS);
  if (!natives_cls) return JNI_ERR;
  if ((*env)->RegisterNatives(env, natives_cls, nsw_natives, nsw_natives_count) != JNI_OK) return JNI_ERR;
  (*env)->DeleteLocalRef(env, natives_cls);
  host_call_id = (*env)->GetStaticMethodID(env, cls, "hostCall", "(JJJJJ)J");
  if (!host_call_id) return JNI_ERR;
  finalize_id = (*env)->GetStaticMethodID(env, cls, "finalizeEnv", "(J)V");
  if (!finalize_id) return JNI_ERR;
  describe_id = (*env)->GetStaticMethodID(env, cls, "describe", "(Ljava/lang/Throwable;)Ljava/lang/String;");
  if (!describe_id) return JNI_ERR;
  if (pthread_key_create(&attached_key, detach_on_exit) != 0) return JNI_ERR;
  /* Stubs run on arbitrary threads, where a local class reference is useless. */
  abi_class = (*env)->NewGlobalRef(env, cls);
  (*env)->DeleteLocalRef(env, cls);
  if (!abi_class) return JNI_ERR;
  vm = jvm;
  return JNI_VERSION;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *jvm, void *reserved) {
  (void)reserved;
  JNIEnv *env;
  vm = NULL; /* stubs called from now on report an error instead of calling Java */
  if ((*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION) == JNI_OK && abi_class) {
    (*env)->DeleteGlobalRef(env, abi_class);
  }
  abi_class = NULL;
}
