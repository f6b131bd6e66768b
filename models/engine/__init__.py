"""The family-agnostic training machinery: the one TensorFlow thread (session), the one run loop (loop),
pause/stop (control), plain events (events), arrays to tf.data (feed), Keras callbacks (callbacks), the probe
base (probe) and the recipe registry (recipe). It never names a family: families register themselves."""
