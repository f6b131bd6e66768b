"""Variational autoencoders: an encoder gives a Gaussian over codes for each image, a decoder draws an image
from a code, and the loss (reconstruction + beta x KL) keeps the code space smooth enough to sample from.

Brings the vae and convvae presets, the MNIST datasets, the option beta, the join check between encoder and
decoder, the recipe (a VAE keras.Model with its own train_step) and the live probes (decoded fixed noise,
latent map and decoded plane). What a VAE run exports is its decoder, usable as a generator.
"""
from models.data import mnist  # noqa: F401  (importing a dataset module registers it)
from models.engine.recipe import register_recipe
from models.judge import CLASSIFIER_OPTION
from models.spec.joins import register_join_check
from models.spec.options import register_options
from models.spec.presets import register

from . import joins, options, presets, recipe

for _preset in presets.PRESETS:
    register(_preset)
register_options(options.FAMILY, options.OPTIONS, CLASSIFIER_OPTION, owner="a VAE")
register_join_check(options.FAMILY, joins.join_error)
register_recipe(options.FAMILY, recipe.prepare_vae)
