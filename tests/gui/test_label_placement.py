"""Greedy label placement: no two labels overlap, the most important are placed first, bounds are kept."""
import numpy as np

from gui.label_placement import place_labels


def _rect(centre, size):
    (x, y), (w, h) = centre, size
    return x - w / 2, y - h / 2, x + w / 2, y + h / 2


def test_piled_points_get_labels_that_do_not_overlap_most_important_first():
    points = np.array([[100.0, 100.0]] * 12 + [[300.0, 100.0]])
    sizes = [(40.0, 12.0)] * 13
    order = [12, *range(12)]
    spots = place_labels(points, sizes, order, bounds=(0, 0, 400, 200))
    assert spots[12] is not None and spots[0] is not None  # the first of each pile
    placed = [_rect(s, sizes[i]) for i, s in enumerate(spots) if s is not None]
    assert 2 < len(placed) < 13  # a pile of 12 on one spot cannot all be labelled: some wait for hover
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert all(0 <= r[0] and 0 <= r[1] and r[2] <= 400 and r[3] <= 200 for r in placed)


def test_a_label_at_the_edge_moves_inside():
    spots = place_labels(np.array([[5.0, 5.0]]), [(40.0, 12.0)], [0], bounds=(0, 0, 100, 100))
    x, y = spots[0]
    assert x - 20 >= 0 and y - 6 >= 0  # above and left would leave the plot: below-right instead
