"""Generative adversarial networks: a generator draws images from noise, a discriminator (a critic for the
WGAN) tells them from real ones, and each trains against the other.

Brings three experiment families (gan, wgan, cgan) with their options, the gan, dcgan, wgan and cgan presets,
the MNIST datasets, the join check between the two networks, the recipes (GAN, WGAN and CGAN keras.Models
with their own train_step) and the live probes (fixed-noise grid, mode-collapse histogram).
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
for _family in options.FAMILIES:
    register_options(_family, options.OPTIONS[_family], CLASSIFIER_OPTION)
    register_join_check(_family, joins.join_error)
    register_recipe(_family, recipe.prepare_gan)
