;; Imports of typed host functions (module "env"), each called by an export of the same shape.
(module
  (import "env" "mul" (func $mul (param i32 i32) (result i32)))
  (import "env" "scale" (func $scale (param f32 f64) (result f64)))
  (import "env" "wide" (func $wide (param i64) (result i64)))
  (import "env" "note" (func $note (param i32)))
  (import "env" "peek" (func $peek (param i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "\2a")
  (func (export "mul") (param i32 i32) (result i32) local.get 0 local.get 1 call $mul)
  (func (export "scale") (param f32 f64) (result f64) local.get 0 local.get 1 call $scale)
  (func (export "wide") (param i64) (result i64) local.get 0 call $wide)
  (func (export "note") (param i32) local.get 0 call $note)
  (func (export "peek") (param i32) (result i32) local.get 0 call $peek))
