;; A function whose result (a typed function reference) cannot cross the C ABI, and a counter
;; of how often it ran.
(module
  (type $t (func))
  (global $calls (mut i32) (i32.const 0))
  (func $f (type $t))
  (elem declare func $f)
  (func (export "typed_ref") (result (ref $t))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (ref.func $f))
  (func (export "calls") (result i32)
    (global.get $calls)))
