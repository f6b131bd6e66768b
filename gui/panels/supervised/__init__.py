"""Live panels of the supervised family: the decision boundary of 2-D classifiers, feature maps and kernels of
convolutional networks, and the results after training (also for the localiser)."""
