(module
  ;; Runs until fuel or the epoch deadline stops it.
  (func (export "spin")
    (loop $forever
      br $forever)))
