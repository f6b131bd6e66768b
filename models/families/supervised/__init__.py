"""Supervised learning: one network maps examples to labels, trained with a loss that fits the task.

Brings the perceptron, MLP, shallow (hand-made features), CNN and LeNet-5 presets, the datasets they train on (logic gates, 2-D point
sets, MNIST), the recipe (compile and fit), the live probes (decision boundary, feature maps, kernels), the
after-training evaluation (confusion matrix, most confidently wrong) and the standalone script export.
"""
# importing a dataset module registers it
from models.data import (digit_features, gates, image_folder, keras_datasets, mnist,  # noqa: F401
                         table, toy2d)
from models.engine.recipe import register_recipe, register_script_writer
from models.spec.joins import register_join_check
from models.spec.presets import register

from . import joins, presets, recipe, script

FAMILY = "supervised"

for _preset in presets.PRESETS:
    register(_preset)
register_join_check(FAMILY, joins.join_error)
register_recipe(FAMILY, recipe.prepare_supervised)
register_script_writer(FAMILY, script.write_script)
