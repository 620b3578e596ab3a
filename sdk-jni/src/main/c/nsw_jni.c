/* nostd-wasm-java: the JNI glue of the jni provider (dev.nostdwasm.jni.JniAbi).
 *
 * The embedding is not linked in: its wasmtime_* references must resolve
 * against the platform shim, which the user may replace, so both are
 * dlopen()ed at run time by init() (the shim RTLD_GLOBAL first), exactly as
 * rust-nostd/harness/harness.c does. Every C function is called through a
 * table of pointers typed with __typeof__ of its prototype in nsw.h, so the
 * compiler checks each call against the header.
 *
 * The natives only translate: jlong <-> pointer/size_t/uint64_t, jint <->
 * uint32_t, jbyte <-> uint8_t, jboolean <-> bool. Handles are not validated
 * here; the embedding validates them. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "nsw.h"

#define JNI_VERSION JNI_VERSION_1_8
#define ABI_CLASS "dev/nostdwasm/jni/JniAbi"

/* jlong <-> pointer, through intptr_t so that no width is assumed. */
#define PTR(type, j) ((type)(intptr_t)(j))
#define JPTR(p) ((jlong)(intptr_t)(p))
/* Every native gets these two; most use neither. */
#define JNI_ARGS JNIEnv *jenv __attribute__((unused)), jobject self __attribute__((unused))

/* ------------------------------------------------------------ the table */

#define NSW_FUNCTIONS(X)                                                                             \
  X(nsw_engine_new) X(nsw_engine_delete) X(nsw_engine_increment_epoch) X(nsw_engine_settings)        \
  X(nsw_error_new) X(nsw_error_delete) X(nsw_error_kind) X(nsw_error_message)                        \
  X(nsw_error_trap_code) X(nsw_error_frame_count) X(nsw_error_frame) X(nsw_extern_delete)            \
  X(nsw_extern_type) X(nsw_func_call)                                                                \
  X(nsw_memory_data) X(nsw_memory_size) X(nsw_memory_grow) X(nsw_global_get) X(nsw_global_set)       \
  X(nsw_table_size) X(nsw_table_get) X(nsw_table_set) X(nsw_table_grow) X(nsw_global_new)            \
  X(nsw_memory_new) X(nsw_table_new) X(nsw_context_funcref_new) X(nsw_context_funcref_get)           \
  X(nsw_linker_instantiate) X(nsw_instance_delete) X(nsw_instance_export_get)                        \
  X(nsw_context_caller_export) X(nsw_linker_new) X(nsw_linker_delete) X(nsw_linker_allow_shadowing)  \
  X(nsw_linker_define_func) X(nsw_func_new) X(nsw_linker_define) X(nsw_linker_define_instance)       \
  X(nsw_module_verify) X(nsw_module_new) X(nsw_module_new_unchecked_raw) X(nsw_module_delete)         \
  X(nsw_module_import_count)                                                                         \
  X(nsw_module_export_count) X(nsw_module_import) X(nsw_module_export) X(nsw_store_new)              \
  X(nsw_store_delete) X(nsw_store_context) X(nsw_context_store_id) X(nsw_store_limits_set) X(nsw_context_fuel_set)           \
  X(nsw_context_fuel_get) X(nsw_context_epoch_deadline_set) X(nsw_context_externref_new)             \
  X(nsw_context_externref_host_id) X(nsw_context_ref_release) X(nsw_abi_version)                     \
  X(nsw_wasmtime_version)

#define FIELD(name) __typeof__(name) *name;
static struct nsw_table {
  NSW_FUNCTIONS(FIELD)
} nsw;
#undef FIELD

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

/* Turns the pending Java exception into an nsw error: it must not reach wasm
 * frames (they cannot unwind it), and it must not abort the process. */
static nsw_error_t *pending_to_error(JNIEnv *env, const char *what) {
  jthrowable thrown = (*env)->ExceptionOccurred(env);
  (*env)->ExceptionClear(env);
  char text[1024];
  const char *detail = NULL;
  jstring described = thrown ? (*env)->CallStaticObjectMethod(env, abi_class, describe_id, thrown) : NULL;
  if ((*env)->ExceptionCheck(env)) {
    (*env)->ExceptionClear(env); /* even describing it failed (out of memory?) */
    described = NULL;
  }
  if (described) detail = (*env)->GetStringUTFChars(env, described, NULL);
  snprintf(text, sizeof text, "nsw-jni: the host %s upcall failed with a Java exception: %s", what,
           detail ? detail : "(no description)");
  if (detail) (*env)->ReleaseStringUTFChars(env, described, detail);
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
    return NULL; /* OutOfMemoryError pending */
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
        }
      }
    }
  }
  pthread_mutex_unlock(&init_lock);
  (*env)->ReleaseStringUTFChars(env, embedding_path, embedding);
  (*env)->ReleaseStringUTFChars(env, shim_path, shim);
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

static jobject JNICALL j_newView(JNIEnv *env, jclass cls, jlong address, jlong length) {
  (void)cls;
  return (*env)->NewDirectByteBuffer(env, PTR(void *, address), length);
}

/* ------------------------------------------------------------ nsw.h, one native each */

#define ERR(call) JPTR(nsw.call)

static jlong JNICALL j_nsw_engine_new(JNI_ARGS, jint profile, jboolean fuel, jboolean epoch, jlong max_wasm_stack,
                                      jlong out) {
  return ERR(nsw_engine_new((uint32_t)profile, fuel, epoch, (size_t)max_wasm_stack, PTR(nsw_engine_t **, out)));
}

static void JNICALL j_nsw_engine_delete(JNI_ARGS, jlong engine) { nsw.nsw_engine_delete(PTR(nsw_engine_t *, engine)); }

static void JNICALL j_nsw_engine_increment_epoch(JNI_ARGS, jlong engine) {
  nsw.nsw_engine_increment_epoch(PTR(const nsw_engine_t *, engine));
}

static jlong JNICALL j_nsw_engine_settings(JNI_ARGS, jlong engine, jlong out_profile, jlong out_target,
                                           jlong out_fuel, jlong out_epoch) {
  return ERR(nsw_engine_settings(PTR(const nsw_engine_t *, engine), PTR(uint32_t *, out_profile),
                                 PTR(uint32_t *, out_target), PTR(bool *, out_fuel), PTR(bool *, out_epoch)));
}

static jlong JNICALL j_nsw_error_new(JNI_ARGS, jlong message, jlong message_len) {
  return ERR(nsw_error_new(PTR(const uint8_t *, message), (size_t)message_len));
}

static void JNICALL j_nsw_error_delete(JNI_ARGS, jlong error) { nsw.nsw_error_delete(PTR(nsw_error_t *, error)); }

static jint JNICALL j_nsw_error_kind(JNI_ARGS, jlong error) {
  return (jint)nsw.nsw_error_kind(PTR(const nsw_error_t *, error));
}

static void JNICALL j_nsw_error_message(JNI_ARGS, jlong error, jlong out_ptr, jlong out_len) {
  nsw.nsw_error_message(PTR(const nsw_error_t *, error), PTR(const uint8_t **, out_ptr), PTR(size_t *, out_len));
}

static jboolean JNICALL j_nsw_error_trap_code(JNI_ARGS, jlong error, jlong out_code) {
  return nsw.nsw_error_trap_code(PTR(const nsw_error_t *, error), PTR(uint32_t *, out_code)) ? JNI_TRUE : JNI_FALSE;
}

static jlong JNICALL j_nsw_error_frame_count(JNI_ARGS, jlong error) {
  return (jlong)nsw.nsw_error_frame_count(PTR(const nsw_error_t *, error));
}

static jboolean JNICALL j_nsw_error_frame(JNI_ARGS, jlong error, jlong index, jlong out_func_index, jlong out_name,
                                          jlong out_name_len, jlong out_offset) {
  return nsw.nsw_error_frame(PTR(const nsw_error_t *, error), (size_t)index, PTR(uint32_t *, out_func_index),
                             PTR(const uint8_t **, out_name), PTR(size_t *, out_name_len),
                             PTR(uint64_t *, out_offset))
             ? JNI_TRUE
             : JNI_FALSE;
}

static void JNICALL j_nsw_extern_delete(JNI_ARGS, jlong ext) { nsw.nsw_extern_delete(PTR(nsw_extern_t *, ext)); }

static jlong JNICALL j_nsw_extern_type(JNI_ARGS, jlong ext, jlong out_type) {
  return ERR(nsw_extern_type(PTR(const nsw_extern_t *, ext), PTR(nsw_extern_type_t *, out_type)));
}

static jlong JNICALL j_nsw_func_call(JNI_ARGS, jlong ctx, jlong func, jlong slots, jlong slots_len) {
  return ERR(nsw_func_call(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, func), PTR(nsw_val_raw_t *, slots),
                           (size_t)slots_len));
}

static jlong JNICALL j_nsw_memory_data(JNI_ARGS, jlong ctx, jlong memory, jlong out_base, jlong out_size) {
  return ERR(nsw_memory_data(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, memory), PTR(uint8_t **, out_base),
                             PTR(size_t *, out_size)));
}

static jlong JNICALL j_nsw_memory_size(JNI_ARGS, jlong ctx, jlong memory, jlong out_pages) {
  return ERR(nsw_memory_size(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, memory), PTR(uint64_t *, out_pages)));
}

static jlong JNICALL j_nsw_memory_grow(JNI_ARGS, jlong ctx, jlong memory, jlong delta, jlong out_previous) {
  return ERR(nsw_memory_grow(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, memory), (uint64_t)delta,
                             PTR(uint64_t *, out_previous)));
}

static jlong JNICALL j_nsw_global_get(JNI_ARGS, jlong ctx, jlong global, jlong out_value) {
  return ERR(nsw_global_get(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, global),
                            PTR(nsw_val_raw_t *, out_value)));
}

static jlong JNICALL j_nsw_global_set(JNI_ARGS, jlong ctx, jlong global, jlong value) {
  return ERR(nsw_global_set(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, global),
                            PTR(const nsw_val_raw_t *, value)));
}

static jlong JNICALL j_nsw_table_size(JNI_ARGS, jlong ctx, jlong table, jlong out_size) {
  return ERR(nsw_table_size(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, table), PTR(uint64_t *, out_size)));
}

static jlong JNICALL j_nsw_table_get(JNI_ARGS, jlong ctx, jlong table, jlong index, jlong out_value) {
  return ERR(nsw_table_get(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, table), (uint64_t)index,
                           PTR(nsw_val_raw_t *, out_value)));
}

static jlong JNICALL j_nsw_table_set(JNI_ARGS, jlong ctx, jlong table, jlong index, jlong value) {
  return ERR(nsw_table_set(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, table), (uint64_t)index,
                           PTR(const nsw_val_raw_t *, value)));
}

static jlong JNICALL j_nsw_table_grow(JNI_ARGS, jlong ctx, jlong table, jlong delta, jlong init, jlong out_previous) {
  return ERR(nsw_table_grow(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, table), (uint64_t)delta,
                            PTR(const nsw_val_raw_t *, init), PTR(uint64_t *, out_previous)));
}

static jlong JNICALL j_nsw_global_new(JNI_ARGS, jlong ctx, jbyte content, jboolean is_mutable, jlong value,
                                      jlong out) {
  return ERR(nsw_global_new(PTR(nsw_context_t *, ctx), (uint8_t)content, is_mutable, PTR(const nsw_val_raw_t *, value),
                            PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_memory_new(JNI_ARGS, jlong ctx, jint minimum, jboolean has_maximum, jint maximum,
                                      jlong out) {
  return ERR(nsw_memory_new(PTR(nsw_context_t *, ctx), (uint32_t)minimum, has_maximum, (uint32_t)maximum,
                            PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_table_new(JNI_ARGS, jlong ctx, jbyte element, jint minimum, jboolean has_maximum,
                                     jint maximum, jlong init, jlong out) {
  return ERR(nsw_table_new(PTR(nsw_context_t *, ctx), (uint8_t)element, (uint32_t)minimum, has_maximum,
                           (uint32_t)maximum, PTR(const nsw_val_raw_t *, init), PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_context_funcref_new(JNI_ARGS, jlong ctx, jlong func, jlong out_ref_id) {
  return ERR(nsw_context_funcref_new(PTR(nsw_context_t *, ctx), PTR(const nsw_extern_t *, func),
                                     PTR(uint64_t *, out_ref_id)));
}

static jlong JNICALL j_nsw_context_funcref_get(JNI_ARGS, jlong ctx, jlong ref_id, jlong out) {
  return ERR(nsw_context_funcref_get(PTR(nsw_context_t *, ctx), (uint64_t)ref_id, PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_linker_instantiate(JNI_ARGS, jlong linker, jlong ctx, jlong module, jlong out) {
  return ERR(nsw_linker_instantiate(PTR(const nsw_linker_t *, linker), PTR(nsw_context_t *, ctx),
                                    PTR(const nsw_module_t *, module), PTR(nsw_instance_t **, out)));
}

static void JNICALL j_nsw_instance_delete(JNI_ARGS, jlong instance) {
  nsw.nsw_instance_delete(PTR(nsw_instance_t *, instance));
}

static jlong JNICALL j_nsw_instance_export_get(JNI_ARGS, jlong ctx, jlong instance, jlong name, jlong name_len,
                                               jlong out) {
  return ERR(nsw_instance_export_get(PTR(nsw_context_t *, ctx), PTR(const nsw_instance_t *, instance),
                                     PTR(const uint8_t *, name), (size_t)name_len, PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_context_caller_export(JNI_ARGS, jlong ctx, jlong name, jlong name_len, jlong out) {
  return ERR(nsw_context_caller_export(PTR(nsw_context_t *, ctx), PTR(const uint8_t *, name), (size_t)name_len,
                                       PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_linker_new(JNI_ARGS, jlong engine, jlong out) {
  return ERR(nsw_linker_new(PTR(const nsw_engine_t *, engine), PTR(nsw_linker_t **, out)));
}

static void JNICALL j_nsw_linker_delete(JNI_ARGS, jlong linker) { nsw.nsw_linker_delete(PTR(nsw_linker_t *, linker)); }

static jlong JNICALL j_nsw_linker_allow_shadowing(JNI_ARGS, jlong linker, jboolean allow) {
  return ERR(nsw_linker_allow_shadowing(PTR(nsw_linker_t *, linker), allow));
}

static jlong JNICALL j_nsw_linker_define_func(JNI_ARGS, jlong linker, jlong module, jlong module_len, jlong name,
                                              jlong name_len, jlong params, jlong params_len, jlong results,
                                              jlong results_len, jlong callback, jlong env, jlong finalizer) {
  return ERR(nsw_linker_define_func(PTR(nsw_linker_t *, linker), PTR(const uint8_t *, module), (size_t)module_len,
                                    PTR(const uint8_t *, name), (size_t)name_len, PTR(const uint8_t *, params),
                                    (size_t)params_len, PTR(const uint8_t *, results), (size_t)results_len,
                                    PTR(nsw_host_callback_t, callback), PTR(void *, env),
                                    PTR(nsw_finalizer_t, finalizer)));
}

static jlong JNICALL j_nsw_func_new(JNI_ARGS, jlong ctx, jlong params, jlong params_len, jlong results,
                                    jlong results_len, jlong callback, jlong env, jlong finalizer, jlong out) {
  return ERR(nsw_func_new(PTR(nsw_context_t *, ctx), PTR(const uint8_t *, params), (size_t)params_len,
                          PTR(const uint8_t *, results), (size_t)results_len, PTR(nsw_host_callback_t, callback),
                          PTR(void *, env), PTR(nsw_finalizer_t, finalizer), PTR(nsw_extern_t **, out)));
}

static jlong JNICALL j_nsw_linker_define(JNI_ARGS, jlong linker, jlong ctx, jlong module, jlong module_len,
                                         jlong name, jlong name_len, jlong ext) {
  return ERR(nsw_linker_define(PTR(nsw_linker_t *, linker), PTR(nsw_context_t *, ctx), PTR(const uint8_t *, module),
                               (size_t)module_len, PTR(const uint8_t *, name), (size_t)name_len,
                               PTR(const nsw_extern_t *, ext)));
}

static jlong JNICALL j_nsw_linker_define_instance(JNI_ARGS, jlong linker, jlong ctx, jlong name, jlong name_len,
                                                  jlong instance) {
  return ERR(nsw_linker_define_instance(PTR(nsw_linker_t *, linker), PTR(nsw_context_t *, ctx),
                                        PTR(const uint8_t *, name), (size_t)name_len,
                                        PTR(const nsw_instance_t *, instance)));
}

static jlong JNICALL j_nsw_module_verify(JNI_ARGS, jlong engine, jlong artifact, jlong artifact_len) {
  return ERR(nsw_module_verify(PTR(const nsw_engine_t *, engine), PTR(const uint8_t *, artifact),
                               (size_t)artifact_len));
}

static jlong JNICALL j_nsw_module_new(JNI_ARGS, jlong engine, jlong artifact, jlong artifact_len, jlong out) {
  return ERR(nsw_module_new(PTR(const nsw_engine_t *, engine), PTR(const uint8_t *, artifact), (size_t)artifact_len,
                            PTR(nsw_module_t **, out)));
}

static jlong JNICALL j_nsw_module_new_unchecked_raw(JNI_ARGS, jlong engine, jlong cwasm, jlong cwasm_len, jlong out) {
  return ERR(nsw_module_new_unchecked_raw(PTR(const nsw_engine_t *, engine), PTR(const uint8_t *, cwasm),
                                          (size_t)cwasm_len, PTR(nsw_module_t **, out)));
}

static void JNICALL j_nsw_module_delete(JNI_ARGS, jlong module) { nsw.nsw_module_delete(PTR(nsw_module_t *, module)); }

static jlong JNICALL j_nsw_module_import_count(JNI_ARGS, jlong module) {
  return (jlong)nsw.nsw_module_import_count(PTR(const nsw_module_t *, module));
}

static jlong JNICALL j_nsw_module_export_count(JNI_ARGS, jlong module) {
  return (jlong)nsw.nsw_module_export_count(PTR(const nsw_module_t *, module));
}

static jlong JNICALL j_nsw_module_import(JNI_ARGS, jlong module, jlong index, jlong out_module, jlong out_module_len,
                                         jlong out_name, jlong out_name_len, jlong out_type) {
  return ERR(nsw_module_import(PTR(const nsw_module_t *, module), (size_t)index, PTR(const uint8_t **, out_module),
                               PTR(size_t *, out_module_len), PTR(const uint8_t **, out_name),
                               PTR(size_t *, out_name_len), PTR(nsw_extern_type_t *, out_type)));
}

static jlong JNICALL j_nsw_module_export(JNI_ARGS, jlong module, jlong index, jlong out_name, jlong out_name_len,
                                         jlong out_type) {
  return ERR(nsw_module_export(PTR(const nsw_module_t *, module), (size_t)index, PTR(const uint8_t **, out_name),
                               PTR(size_t *, out_name_len), PTR(nsw_extern_type_t *, out_type)));
}

static jlong JNICALL j_nsw_store_new(JNI_ARGS, jlong engine, jlong out) {
  return ERR(nsw_store_new(PTR(const nsw_engine_t *, engine), PTR(nsw_store_t **, out)));
}

static void JNICALL j_nsw_store_delete(JNI_ARGS, jlong store) { nsw.nsw_store_delete(PTR(nsw_store_t *, store)); }

static jlong JNICALL j_nsw_store_context(JNI_ARGS, jlong store) {
  return JPTR(nsw.nsw_store_context(PTR(nsw_store_t *, store)));
}

static jlong JNICALL j_nsw_store_limits_set(JNI_ARGS, jlong store, jlong memory_bytes, jlong table_elements,
                                            jlong instances, jlong tables, jlong memories) {
  return ERR(nsw_store_limits_set(PTR(nsw_store_t *, store), (int64_t)memory_bytes, (int64_t)table_elements,
                                  (int64_t)instances, (int64_t)tables, (int64_t)memories));
}

static jlong JNICALL j_nsw_context_store_id(JNI_ARGS, jlong ctx) {
  return (jlong)nsw.nsw_context_store_id(PTR(nsw_context_t *, ctx));
}

static jlong JNICALL j_nsw_context_fuel_set(JNI_ARGS, jlong ctx, jlong fuel) {
  return ERR(nsw_context_fuel_set(PTR(nsw_context_t *, ctx), (uint64_t)fuel));
}

static jlong JNICALL j_nsw_context_fuel_get(JNI_ARGS, jlong ctx, jlong out_fuel) {
  return ERR(nsw_context_fuel_get(PTR(nsw_context_t *, ctx), PTR(uint64_t *, out_fuel)));
}

static jlong JNICALL j_nsw_context_epoch_deadline_set(JNI_ARGS, jlong ctx, jlong ticks) {
  return ERR(nsw_context_epoch_deadline_set(PTR(nsw_context_t *, ctx), (uint64_t)ticks));
}

static jlong JNICALL j_nsw_context_externref_new(JNI_ARGS, jlong ctx, jlong host_id, jlong out_ref_id) {
  return ERR(nsw_context_externref_new(PTR(nsw_context_t *, ctx), (uint64_t)host_id, PTR(uint64_t *, out_ref_id)));
}

static jlong JNICALL j_nsw_context_externref_host_id(JNI_ARGS, jlong ctx, jlong ref_id, jlong out_host_id) {
  return ERR(nsw_context_externref_host_id(PTR(nsw_context_t *, ctx), (uint64_t)ref_id, PTR(uint64_t *, out_host_id)));
}

static jboolean JNICALL j_nsw_context_ref_release(JNI_ARGS, jlong ctx, jlong ref_id) {
  return nsw.nsw_context_ref_release(PTR(nsw_context_t *, ctx), (uint64_t)ref_id) ? JNI_TRUE : JNI_FALSE;
}

static jint JNICALL j_nsw_abi_version(JNI_ARGS) { return (jint)nsw.nsw_abi_version(); }

static void JNICALL j_nsw_wasmtime_version(JNI_ARGS, jlong out_ptr, jlong out_len) {
  nsw.nsw_wasmtime_version(PTR(const uint8_t **, out_ptr), PTR(size_t *, out_len));
}

/* ------------------------------------------------------------ registration */

/* Java signatures: J long, I int, B byte, Z boolean. A mismatch with JniAbi
 * fails RegisterNatives, hence System.load, with NoSuchMethodError. */
#define N(name, sig) {#name, sig, (void *)j_##name}
static const JNINativeMethod natives[] = {
    N(init, "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;"),
    N(hostCallbackAddress, "()J"),
    N(finalizerAddress, "()J"),
    N(directAddress, "(Ljava/nio/ByteBuffer;)J"),
    N(newView, "(JJ)Ljava/nio/ByteBuffer;"),
    N(nsw_engine_new, "(IZZJJ)J"),
    N(nsw_engine_delete, "(J)V"),
    N(nsw_engine_increment_epoch, "(J)V"),
    N(nsw_engine_settings, "(JJJJJ)J"),
    N(nsw_error_new, "(JJ)J"),
    N(nsw_error_delete, "(J)V"),
    N(nsw_error_kind, "(J)I"),
    N(nsw_error_message, "(JJJ)V"),
    N(nsw_error_trap_code, "(JJ)Z"),
    N(nsw_error_frame_count, "(J)J"),
    N(nsw_error_frame, "(JJJJJJ)Z"),
    N(nsw_extern_delete, "(J)V"),
    N(nsw_extern_type, "(JJ)J"),
    N(nsw_func_call, "(JJJJ)J"),
    N(nsw_memory_data, "(JJJJ)J"),
    N(nsw_memory_size, "(JJJ)J"),
    N(nsw_memory_grow, "(JJJJ)J"),
    N(nsw_global_get, "(JJJ)J"),
    N(nsw_global_set, "(JJJ)J"),
    N(nsw_table_size, "(JJJ)J"),
    N(nsw_table_get, "(JJJJ)J"),
    N(nsw_table_set, "(JJJJ)J"),
    N(nsw_table_grow, "(JJJJJ)J"),
    N(nsw_global_new, "(JBZJJ)J"),
    N(nsw_memory_new, "(JIZIJ)J"),
    N(nsw_table_new, "(JBIZIJJ)J"),
    N(nsw_context_funcref_new, "(JJJ)J"),
    N(nsw_context_funcref_get, "(JJJ)J"),
    N(nsw_linker_instantiate, "(JJJJ)J"),
    N(nsw_instance_delete, "(J)V"),
    N(nsw_instance_export_get, "(JJJJJ)J"),
    N(nsw_context_caller_export, "(JJJJ)J"),
    N(nsw_linker_new, "(JJ)J"),
    N(nsw_linker_delete, "(J)V"),
    N(nsw_linker_allow_shadowing, "(JZ)J"),
    N(nsw_linker_define_func, "(JJJJJJJJJJJJ)J"),
    N(nsw_func_new, "(JJJJJJJJJ)J"),
    N(nsw_linker_define, "(JJJJJJJ)J"),
    N(nsw_linker_define_instance, "(JJJJJ)J"),
    N(nsw_module_verify, "(JJJ)J"),
    N(nsw_module_new, "(JJJJ)J"),
    N(nsw_module_new_unchecked_raw, "(JJJJ)J"),
    N(nsw_module_delete, "(J)V"),
    N(nsw_module_import_count, "(J)J"),
    N(nsw_module_export_count, "(J)J"),
    N(nsw_module_import, "(JJJJJJJ)J"),
    N(nsw_module_export, "(JJJJJ)J"),
    N(nsw_store_new, "(JJ)J"),
    N(nsw_store_delete, "(J)V"),
    N(nsw_store_context, "(J)J"),
    N(nsw_store_limits_set, "(JJJJJJ)J"),
    N(nsw_context_store_id, "(J)J"),
    N(nsw_context_fuel_set, "(JJ)J"),
    N(nsw_context_fuel_get, "(JJ)J"),
    N(nsw_context_epoch_deadline_set, "(JJ)J"),
    N(nsw_context_externref_new, "(JJJ)J"),
    N(nsw_context_externref_host_id, "(JJJ)J"),
    N(nsw_context_ref_release, "(JJ)Z"),
    N(nsw_abi_version, "()I"),
    N(nsw_wasmtime_version, "(JJ)V"),
};
#undef N

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *jvm, void *reserved) {
  (void)reserved;
  JNIEnv *env;
  if ((*jvm)->GetEnv(jvm, (void **)&env, JNI_VERSION) != JNI_OK) return JNI_ERR;
  jclass cls = (*env)->FindClass(env, ABI_CLASS);
  if (!cls) return JNI_ERR; /* NoClassDefFoundError pending: System.load throws it */
  if ((*env)->RegisterNatives(env, cls, natives, sizeof natives / sizeof natives[0]) != JNI_OK) return JNI_ERR;
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
