;; Every export passes its arguments to the host import of the same name and returns
;; what the host returned.
(module
  (import "host" "i32" (func $i32 (param i32) (result i32)))
  (import "host" "i64" (func $i64 (param i64) (result i64)))
  (import "host" "f32" (func $f32 (param f32) (result f32)))
  (import "host" "f64" (func $f64 (param f64) (result f64)))
  (import "host" "v128" (func $v128 (param v128) (result v128)))
  (import "host" "funcref" (func $funcref (param funcref) (result funcref)))
  (import "host" "externref" (func $externref (param externref) (result externref)))
  (import "host" "multi" (func $multi (param i32 i64 f32 f64) (result f64 f32 i64 i32)))
  (elem declare func $triple)
  (func (export "i32") (param i32) (result i32) local.get 0 call $i32)
  (func (export "i64") (param i64) (result i64) local.get 0 call $i64)
  (func (export "f32") (param f32) (result f32) local.get 0 call $f32)
  (func (export "f64") (param f64) (result f64) local.get 0 call $f64)
  (func (export "v128") (param v128) (result v128) local.get 0 call $v128)
  (func (export "funcref") (param funcref) (result funcref) local.get 0 call $funcref)
  (func (export "externref") (param externref) (result externref) local.get 0 call $externref)
  (func (export "multi") (param i32 i64 f32 f64) (result f64 f32 i64 i32)
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $multi)
  ;; A funcref made in wasm, passed to the host: host_gets_wasm_func() == funcref(triple)
  (func $triple (param i32) (result i32)
    local.get 0
    i32.const 3
    i32.mul)
  (func (export "wasm_funcref") (result funcref)
    ref.func $triple
    call $funcref))
