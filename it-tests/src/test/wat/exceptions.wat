;; Wasm exception handling seen from Java: an exception nothing catches ends the call
;; with UncaughtWasmException (carrying its tag's type and payload) and leaves the store
;; usable; one caught inside wasm is invisible.
(module
  (tag $boom (export "boom") (param i32))
  (tag $numbers (export "numbers") (param i32 i64 f32 f64))
  (tag $empty (export "empty"))
  (tag $object (export "object") (param externref))
  (func $throw (export "throw") (param i32)
    (throw $boom (local.get 0)))
  (func (export "throw_numbers") (param i32 i64 f32 f64)
    (throw $numbers (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "throw_empty")
    (throw $empty))
  ;; Throws the host's object back at it.
  (func (export "throw_object") (param externref)
    (throw $object (local.get 0)))
  ;; Catches its own throw and returns the payload + 1.
  (func (export "catch") (param i32) (result i32)
    (block $h (result i32)
      (try_table (catch $boom $h)
        (call $throw (local.get 0)))
      (i32.const -1)
      (return))
    (i32.const 1)
    (i32.add))
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1))))
