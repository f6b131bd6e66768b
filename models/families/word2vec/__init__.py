"""word2vec: word vectors learned by telling real (word, context) pairs from random ones (negative sampling),
as CBOW or skip-gram.

Brings the cbow and skipgram presets, the corpora they train on (grouped sentences, the shipped story, a user's
text file), the options (mode, window, negatives, subsample), the recipe (a Word2Vec keras.Model with its own
train_step), the live word map, the vector queries (neighbours, analogies) and the Projector export.
"""
from models.data import corpus  # noqa: F401  (importing a dataset module registers it)
from models.engine.recipe import register_recipe
from models.spec.options import register_options
from models.spec.presets import register

from . import options, presets, recipe

for _preset in presets.PRESETS:
    register(_preset)
register_options(options.FAMILY, options.OPTIONS, owner="word2vec")
register_recipe(options.FAMILY, recipe.prepare_word2vec)
