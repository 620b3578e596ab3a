//! The one definition of how an engine is configured.
//!
//! Wasmtime refuses to load an artifact unless the loading engine was
//! configured like the compiling one (target, ISA flags, memory tunables,
//! signals, fuel, epochs, wasm features, GC). Both the precompiler and the
//! no_std runtime therefore build their `Config` through [`EngineSettings::apply`]
//! and nothing else.

use core::fmt;
use wasmtime::{Collector, Config, Result};

/// How compiled code runs; chosen per engine, recorded in every artifact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Profile {
    /// Native code with explicit bounds checks: needs virtual memory from the
    /// platform but no signal handlers.
    Native = 0,
    /// Native code that relies on guard pages and trap signals: fastest, and
    /// the platform must chain its signal handlers to the JVM's.
    NativeSignals = 1,
    /// Pulley bytecode: needs neither executable memory nor signals.
    Pulley = 2,
}

/// The instruction set an artifact holds code for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Target {
    X86_64 = 0,
    Aarch64 = 1,
    Pulley64 = 2,
}

/// Everything that must be equal on the compiling and the loading side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EngineSettings {
    pub profile: Profile,
    pub target: Target,
    /// Compiled code counts fuel (`Config::consume_fuel`).
    pub fuel: bool,
    /// Compiled code checks the epoch deadline (`Config::epoch_interruption`).
    pub epoch: bool,
}

/// Memory layout of linear memories; part of what Wasmtime checks on load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryTunables {
    pub signals_based_traps: bool,
    pub reservation: u64,
    pub reservation_for_growth: u64,
    pub guard_size: u64,
    pub guard_before: bool,
    pub copy_on_write: bool,
}

const GIB: u64 = 1 << 30;
const MIB: u64 = 1 << 20;

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Native, Profile::NativeSignals, Profile::Pulley];

    pub fn name(self) -> &'static str {
        match self {
            Profile::Native => "native",
            Profile::NativeSignals => "native-signals",
            Profile::Pulley => "pulley",
        }
    }

    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn from_u8(value: u8) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| *p as u8 == value)
    }

    pub fn memory(self) -> MemoryTunables {
        match self {
            // Bounds checks are explicit, so the reservation only decides how
            // often a growing memory moves; CoW images still come from the shim.
            Profile::Native => MemoryTunables {
                signals_based_traps: false,
                reservation: 0,
                reservation_for_growth: 16 * MIB,
                guard_size: 0,
                guard_before: false,
                copy_on_write: true,
            },
            // A 4 GiB reservation plus guard pages lets Cranelift drop bounds
            // checks for 32-bit memories; faults become traps via signals.
            Profile::NativeSignals => MemoryTunables {
                signals_based_traps: true,
                reservation: 4 * GIB,
                reservation_for_growth: 2 * GIB,
                guard_size: 32 * MIB,
                guard_before: true,
                copy_on_write: true,
            },
            // The interpreter checks every access itself.
            Profile::Pulley => MemoryTunables {
                signals_based_traps: false,
                reservation: 0,
                reservation_for_growth: 16 * MIB,
                guard_size: 0,
                guard_before: false,
                copy_on_write: false,
            },
        }
    }

    /// Whether this profile can hold code for `target`.
    pub fn supports(self, target: Target) -> bool {
        (self == Profile::Pulley) == (target == Target::Pulley64)
    }
}

impl Target {
    pub const ALL: [Target; 3] = [Target::X86_64, Target::Aarch64, Target::Pulley64];

    pub fn name(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64",
            Target::Aarch64 => "aarch64",
            Target::Pulley64 => "pulley64",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn from_u8(value: u8) -> Option<Target> {
        Target::ALL.into_iter().find(|t| *t as u8 == value)
    }

    /// The triple handed to `Config::target` on both sides.
    pub fn triple(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64-unknown-linux-gnu",
            Target::Aarch64 => "aarch64-unknown-linux-gnu",
            Target::Pulley64 => "pulley64",
        }
    }

    /// The native target of the machine this code was built for.
    pub fn host() -> Option<Target> {
        if cfg!(target_arch = "x86_64") {
            Some(Target::X86_64)
        } else if cfg!(target_arch = "aarch64") {
            Some(Target::Aarch64)
        } else {
            None
        }
    }

    /// The explicit ISA baseline native code is compiled for: never "whatever
    /// the build machine has". x86_64 is x86-64-v2; aarch64 is plain ARMv8.0.
    /// These are Cranelift flag names; the runtime checks each one against the
    /// CPU before loading.
    pub fn isa_flags(self) -> &'static [&'static str] {
        match self {
            Target::X86_64 => &[
                "has_sse3",
                "has_ssse3",
                "has_sse41",
                "has_sse42",
                "has_popcnt",
                "has_cmpxchg16b",
            ],
            Target::Aarch64 | Target::Pulley64 => &[],
        }
    }
}

impl EngineSettings {
    /// Settings for `profile` on this machine's own architecture (or Pulley).
    pub fn for_host(profile: Profile, fuel: bool, epoch: bool) -> Option<EngineSettings> {
        let target = match profile {
            Profile::Pulley => Target::Pulley64,
            _ => Target::host()?,
        };
        Some(EngineSettings { profile, target, fuel, epoch })
    }

    /// Configures everything that must match between compile and load time.
    /// Compiler-only knobs (Cranelift flags) are left to the precompiler,
    /// which takes them from [`Target::isa_flags`].
    pub fn apply(&self, config: &mut Config) -> Result<()> {
        if !self.profile.supports(self.target) {
            wasmtime::bail!(
                "profile {} cannot hold code for target {}",
                self.profile.name(),
                self.target.name()
            );
        }
        config.target(self.target.triple())?;

        let memory = self.profile.memory();
        config
            .signals_based_traps(memory.signals_based_traps)
            .memory_reservation(memory.reservation)
            .memory_reservation_for_growth(memory.reservation_for_growth)
            .memory_guard_size(memory.guard_size)
            .guard_before_linear_memory(memory.guard_before)
            .memory_init_cow(memory.copy_on_write)
            .memory_may_move(true)
            .table_lazy_init(true);

        config
            .consume_fuel(self.fuel)
            .epoch_interruption(self.epoch)
            .concurrency_support(false)
            .debug_info(false)
            .generate_address_map(true);

        // Wasm features: the same set on both sides. Threads are absent from
        // no_std Wasmtime; stack switching is left off (no custom fibers).
        config
            .wasm_bulk_memory(true)
            .wasm_multi_value(true)
            .wasm_reference_types(true)
            .wasm_simd(true)
            .wasm_relaxed_simd(true)
            .relaxed_simd_deterministic(true)
            .wasm_multi_memory(true)
            .wasm_tail_call(true)
            .wasm_extended_const(true)
            .wasm_memory64(true)
            .wasm_wide_arithmetic(true)
            .wasm_custom_page_sizes(false)
            .wasm_stack_switching(false)
            .wasm_function_references(true)
            .wasm_gc(true)
            .wasm_exceptions(true)
            .wasm_component_model(true)
            .gc_support(true)
            .collector(Collector::DeferredReferenceCounting);
        Ok(())
    }

    /// The flag byte recorded in artifacts.
    pub fn switches(&self) -> u8 {
        (self.fuel as u8) | ((self.epoch as u8) << 1)
    }
}

impl fmt::Display for EngineSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "profile {} for {}", self.profile.name(), self.target.name())?;
        if self.fuel {
            f.write_str(", fuel")?;
        }
        if self.epoch {
            f.write_str(", epoch")?;
        }
        Ok(())
    }
}
