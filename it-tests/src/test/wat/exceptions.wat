;; Wasm exception handling seen from Java: an exception nothing catches ends the call
;; with UncaughtWasmException and leaves the store usable; one caught inside wasm is invisible.
(module
  (tag $boom (param i32))
  (func $throw (export "throw") (param i32)
    (throw $boom (local.get 0)))
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
