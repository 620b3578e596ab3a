;; For the signal-chaining stress (signals/SignalStress): out-of-bounds loads (SIGSEGV in
;; wasm), division by zero (a trap instruction: SIGILL), and a host call through which JIT-compiled
;; Java takes its own implicit null checks on a thread that is inside wasm.
(module
  (import "host" "poke" (func $poke (param i32) (result i32)))
  (memory (export "memory") 1 1)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load)
  (func (export "store") (param i32 i32)
    local.get 0
    local.get 1
    i32.store)
  (func (export "div") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_s)
  (func (export "call_host") (param i32) (result i32)
    local.get 0
    call $poke))
