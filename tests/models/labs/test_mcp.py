"""The MCP neuron lab: gates, the threshold, the line, and why no setting computes XOR."""
from __future__ import annotations

import pytest

from models.labs import mcp


# --- MCP neuron -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_mcp_presets_compute_their_gates(gate: str) -> None:
    neuron = mcp.GATE_PRESETS[gate]
    assert mcp.outputs(neuron) == mcp.GATE_TRUTH[gate]
    assert mcp.matching_gate(neuron) == gate


def test_mcp_three_input_presets() -> None:
    assert mcp.outputs(mcp.GATE_PRESETS["AND3"]) == (0, 0, 0, 0, 0, 0, 0, 1)
    assert mcp.outputs(mcp.GATE_PRESETS["OR3"]) == (0, 1, 1, 1, 1, 1, 1, 1)
    assert mcp.outputs(mcp.GATE_PRESETS["NAND3"]) == (1, 1, 1, 1, 1, 1, 1, 0)
    rows = mcp.truth_table(mcp.GATE_PRESETS["MAJORITY3"])
    assert [r.output for r in rows] == [int(sum(r.inputs) >= 2) for r in rows]
    assert rows[5].inputs == (1, 0, 1) and rows[5].weighted_sum == 2.0


def test_mcp_threshold_is_inclusive_and_line_is_where_sum_equals_threshold() -> None:
    neuron = mcp.McpNeuron((2.0, 1.0), 2.0)
    assert neuron.fire((1, 0)) == 1  # sum 2 >= 2
    assert neuron.fire((0, 1)) == 0
    line = mcp.separating_line(neuron)
    assert line.kind == "line" and len(line.points) == 2
    for x1, x2 in line.points:
        assert 2.0 * x1 + 1.0 * x2 == pytest.approx(2.0)
        assert -0.5 - 1e-9 <= x1 <= 1.5 + 1e-9 and -0.5 - 1e-9 <= x2 <= 1.5 + 1e-9


def test_mcp_line_edge_cases_and_bad_input() -> None:
    assert mcp.separating_line(mcp.McpNeuron((0.0, 0.0), 1.0)).kind == "none"
    vertical = mcp.separating_line(mcp.McpNeuron((1.0, 0.0), 0.5))
    assert all(p[0] == pytest.approx(0.5) for p in vertical.points)
    with pytest.raises(mcp.McpError):
        mcp.McpNeuron((1.0,), 0.0)
    with pytest.raises(mcp.McpError):
        mcp.McpNeuron((1.0, float("nan")), 0.0)
    with pytest.raises(mcp.McpError):
        mcp.separating_line(mcp.GATE_PRESETS["AND3"])


def test_no_mcp_neuron_computes_xor() -> None:
    result = mcp.search_xor(-2.0, 2.0, 41)
    assert result.tried == 41 ** 3
    assert result.solutions == 0
    assert result.best_correct == 3  # three rows are easy, the fourth never
    w1, w2, t = result.best_example
    assert sum(o == x for o, x in zip(mcp.outputs(mcp.McpNeuron((w1, w2), t)), mcp.GATE_TRUTH["XOR"])) == 3
    assert "threshold" in result.reason and "w1 + w2" in result.reason
