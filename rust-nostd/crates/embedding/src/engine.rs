//! `nsw_engine_t`: a Wasmtime engine configured from one profile.

use crate::error::{NSW_ERROR_UNSUPPORTED, NswResult, nsw_error_t, to_c};
use crate::handle::{self, Tag, Tagged};
use alloc::format;
use nsw_contract::{EngineSettings, Profile};
use wasmtime::{Config, Engine};

pub struct nsw_engine_t {
    pub(crate) engine: Engine,
    pub(crate) settings: EngineSettings,
}

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
    if max_wasm_stack != 0 {
        config.max_wasm_stack(max_wasm_stack);
    }
    let engine = Engine::new(&config).map_err(|e| nsw_error_t::from_wasmtime(e, NSW_ERROR_UNSUPPORTED))?;
    Ok(nsw_engine_t { engine, settings })
}

/// Creates an engine for `profile` (NSW_PROFILE_*) on this host. `fuel` and
/// `epoch` must match the switches the artifacts were compiled with.
/// `max_wasm_stack` is the wasm stack limit in bytes (0: Wasmtime's default).
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
