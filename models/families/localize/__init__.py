"""Classification and localisation: a convolutional backbone with a class head and a box head, trained on one
summed loss, so the same features learn what the digit is and where it is.

Brings the `localize` preset and dataset (a digit at a random place on a 56x56 canvas), the option
`box_loss_weight`, the recipe and the box arithmetic its results use (IoU).
"""
import models.data.localize  # noqa: F401  (importing a dataset module registers it)
from models.engine.recipe import register_recipe
from models.spec.options import register_options
from models.spec.presets import register

from . import options, presets, recipe

FAMILY = "localize"

for _preset in presets.PRESETS:
    register(_preset)
register_options(FAMILY, options.OPTIONS, owner="the localisation family")
register_recipe(FAMILY, recipe.prepare_localize)
