"""Recurrent networks: SimpleRNN, LSTM and GRU reading text one token at a time.

Brings the rnn, lstm and gru presets and the text tasks they train on (sentiment, tagging, count, memory-N, chars;
MNIST read row by row), the live probes (hidden state over time, gradients through time), the analysis of a
trained network (prediction for typed text, gates, text generation) and the RNN / LSTM / GRU comparison.
Their experiments are plain supervised ones (family "supervised"): they train through that family's recipe.
"""
from models.data import chars, counting, memory, mnist, reviews  # noqa: F401  (importing a dataset module registers it)
from models.spec.presets import register

from . import presets

for _preset in presets.PRESETS:
    register(_preset)
