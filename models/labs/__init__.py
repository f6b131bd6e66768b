"""Small numerical labs that explain one idea each, in plain numpy (no Keras, no Qt).

Each module computes what a view shows: truth tables and separating lines (mcp), activation curves
(activations), softmax with temperature (softmax), losses against the predicted probability (losses), a
gradient-descent path on a two-parameter surface (gradient_descent), the notes' worked backpropagation
example (backprop), kernels, convolution and pooling (convolution), receptive fields through a spec's layers
(receptive_field), and turning a drawn canvas into an MNIST-like digit (digit).
"""
