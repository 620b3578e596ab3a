//! `nsw_engine_t`: a Wasmtime engine configured from one profile.

use crate::error::{NSW_ERROR_RUNTIME, NSW_ERROR_UNSUPPORTED, NswResult, nsw_error_t, to_c};
use crate::handle::{self, Tag, Tagged};
use crate::platform;
use alloc::format;
use nsw_contract::{EngineSettings, Profile, Target};
use wasmtime::{Config, Engine};

pub struct nsw_engine_t {
    pub(crate) engine: Engine,
    pub(crate) settings: EngineSettings,
    /// How much of the calling thread's stack the wasm of one store may use:
    /// the wasm stack limit on native targets, 0 on Pulley, which runs wasm on
    /// a stack of its own (what `stack_room.rs` checks before entering wasm).
    pub(crate) native_wasm_stack: usize,
}

/// The wasm stack limit when the caller asks for Wasmtime's default (0):
/// Wasmtime's own default, set explicitly so that the embedding knows it.
const DEFAULT_MAX_WASM_STACK: usize = 512 * 1024;

unsafe impl Tagged for nsw_engine_t {
    const TAG: Tag = Tag::Engine;
    const NAME: &'static str = "engine";
}

/// Profile numbers of the C ABI (the same numbers artifacts record).
pub const NSW_PROFILE_NATIVE: u32 = 0;
pub const NSW_PROFILE_NATIVE_SIGNALS: u32 = 1;
pub const NSW_PROFILE_PULLEY: u32 = 2;

fn new_engine(profile: u32, fuel: bool, epoch: bool, max_wasm_stack: usize) -> NswResult<nsw_engine_t> {
    let profile = u8::try_from(profile).ok().and_then(Profile::from_u8).ok_or_else(|| {
        nsw_error_t::invalid(format!(
            "unknown profile {profile}: use 0 (native), 1 (native-signals) or 2 (pulley)"
        ))
    })?;
    let settings = EngineSettings::for_host(profile, fuel, epoch).ok_or_else(|| {
        nsw_error_t::new(
            NSW_ERROR_UNSUPPORTED,
            "native profiles need an x86_64 or aarch64 host: use the pulley profile on this CPU",
        )
    })?;
    let mut config = Config::new();
    settings.apply(&mut config).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_UNSUPPORTED))?;
    // SAFETY: the detector answers from cpuid / AT_HWCAP of this very CPU.
    unsafe {
        config.detect_host_feature(crate::host_features::detect);
    }
    let max_wasm_stack = if max_wasm_stack == 0 { DEFAULT_MAX_WASM_STACK } else { max_wasm_stack };
    config.max_wasm_stack(max_wasm_stack);
    let engine = Engine::new(&config).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_UNSUPPORTED))?;
    // Wasmtime asks the shim for its trap handlers once per process and ignores a failure; wasm
    // faults would then reach the JVM's handlers, which take them for crashes.
    let trap_install_error = if profile.memory().signals_based_traps { platform::trap_install_error() } else { None };
    if let Some(errno) = trap_install_error {
        return Err(nsw_error_t::new(
            NSW_ERROR_RUNTIME,
            format!(
                "the platform shim could not install its trap handlers (os error {errno}), which the {} profile \
                 needs: use the native or pulley profile, or find what refuses sigaction in this process",
                profile.name()
            ),
        ));
    }
    let native_wasm_stack = if settings.target == Target::Pulley64 { 0 } else { max_wasm_stack };
    Ok(nsw_engine_t { engine, settings, native_wasm_stack })
}

/// Creates an engine for `profile` (NSW_PROFILE_*) on this host. `fuel` and
/// `epoch` must match the switches the artifacts were compiled with.
/// `max_wasm_stack` is the wasm stack limit in bytes (0: Wasmtime's default,
/// 512 KiB). A `native-signals` engine fails with NSW_ERROR_RUNTIME when the
/// platform shim could not install its trap handlers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_engine_new(
    profile: u32,
    fuel: bool,
    epoch: bool,
    max_wasm_stack: usize,
    out: *mut *mut nsw_engine_t,
) -> *mut nsw_error_t {
    to_c((|| {
        if out.is_null() {
            return Err(nsw_error_t::invalid("out-pointer for engine is NULL"));
        }
        let engine = new_engine(profile, fuel, epoch, max_wasm_stack)?;
        unsafe { handle::write_out(out, handle::into_raw(engine), "engine") }
    })())
}

/// Frees an engine. Modules and stores made from it keep it alive internally.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_engine_delete(engine: *mut nsw_engine_t) {
    unsafe { handle::delete(engine) }
}

/// Advances the engine's epoch by one: stores past their deadline trap with
/// `Interrupt`. Safe to call from any thread. Ignores invalid handles.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_engine_increment_epoch(engine: *const nsw_engine_t) {
    if let Ok(e) = unsafe { handle::get(engine) } {
        e.engine.increment_epoch();
    }
}

/// Writes the engine's profile, target (0 x86_64, 1 aarch64, 2 pulley64),
/// fuel and epoch switches.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nsw_engine_settings(
    engine: *const nsw_engine_t,
    out_profile: *mut u32,
    out_target: *mut u32,
    out_fuel: *mut bool,
    out_epoch: *mut bool,
) -> *mut nsw_error_t {
    to_c((|| {
        let e = unsafe { handle::get(engine)? };
        unsafe {
            handle::write_out(out_profile, e.settings.profile as u32, "profile")?;
            handle::write_out(out_target, e.settings.target as u32, "target")?;
            handle::write_out(out_fuel, e.settings.fuel, "fuel")?;
            handle::write_out(out_epoch, e.settings.epoch, "epoch")
        }
    })())
}
