;; A WASI command for the README's WASI quick start (WasiQuickStart): prints the file named by its
;; first argument, found in the first preopened directory (descriptor 3). Exits with 1 when it
;; cannot open or read the file, with 2 when the arguments are missing or too long.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  ;; 0: argc, 4: the arguments' total size, 16: an iovec, 24: a result (descriptor or count),
  ;; 64: up to 48 argument pointers, 256: up to 768 bytes of arguments, 1024: 4096 bytes of file.
  (memory (export "memory") 1)

  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  (func (export "_start") (local $name i32) (local $fd i32) (local $n i32)
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (if (i32.or (i32.lt_u (i32.load (i32.const 0)) (i32.const 2))
                (i32.or (i32.gt_u (i32.load (i32.const 0)) (i32.const 48))
                        (i32.gt_u (i32.load (i32.const 4)) (i32.const 768))))
      (then (call $proc_exit (i32.const 2))))
    (drop (call $args_get (i32.const 64) (i32.const 256)))
    (local.set $name (i32.load (i32.const 68)))
    ;; path_open(directory 3, lookup flags 0, the name, no oflags, rights: fd_read, none inherited, no fdflags)
    (if (call $path_open (i32.const 3) (i32.const 0) (local.get $name) (call $strlen (local.get $name))
          (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 24))
      (then (call $proc_exit (i32.const 1))))
    (local.set $fd (i32.load (i32.const 24)))
    (loop $copy
      (i32.store (i32.const 16) (i32.const 1024))
      (i32.store (i32.const 20) (i32.const 4096))
      (if (call $fd_read (local.get $fd) (i32.const 16) (i32.const 1) (i32.const 24))
        (then (call $proc_exit (i32.const 1))))
      (local.set $n (i32.load (i32.const 24)))
      (if (local.get $n)
        (then
          (i32.store (i32.const 20) (local.get $n))
          (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))
          (br $copy))))))
