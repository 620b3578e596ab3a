;; Externrefs that wasm makes from its own GC references (extern.convert_any): Java receives
;; them as OpaqueRef and can hand them back, where they are the same reference.
(module
  (type $point (struct (field i32)))
  (func (export "i31") (param i32) (result externref)
    (extern.convert_any (ref.i31 (local.get 0))))
  (func (export "point") (param i32) (result externref)
    (extern.convert_any (struct.new $point (local.get 0))))
  ;; The i31's value, or -1 when the reference is not an i31.
  (func (export "i31_value") (param externref) (result i32)
    (block $not (result anyref)
      (br_on_cast_fail $not anyref (ref i31) (any.convert_extern (local.get 0)))
      (return (i31.get_s)))
    (drop)
    (i32.const -1))
  ;; The point's field, or -1 when the reference is not a point.
  (func (export "point_x") (param externref) (result i32)
    (block $not (result anyref)
      (br_on_cast_fail $not anyref (ref $point) (any.convert_extern (local.get 0)))
      (return (struct.get $point 0)))
    (drop)
    (i32.const -1)))
