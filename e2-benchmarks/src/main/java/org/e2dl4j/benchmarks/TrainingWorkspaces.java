package org.e2dl4j.benchmarks;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;

/**
 * DL4J's workspace arrangement of a training step (activations and input, forward and backward working memory,
 * activation gradients), learned on the first step and reused after it, as {@code MultiLayerNetwork.fit} arranges
 * them: a layer measured in it does the work it does inside a real network, no more and no less.
 */
final class TrainingWorkspaces {

    private TrainingWorkspaces() {
    }

    /** A manager whose workspaces are named after {@code owner}, so two measured layers never share one. */
    static LayerWorkspaceMgr forOwner(String owner) {
        WorkspaceConfiguration ws = WorkspaceConfiguration.builder().initialSize(0).overallocationLimit(0.05)
                .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
                .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE).build();
        String act = "bench_act_" + owner;
        String ff = "bench_ff_" + owner;
        String bp = "bench_bp_" + owner;
        return LayerWorkspaceMgr.builder()
                .with(ArrayType.INPUT, act, ws)
                .with(ArrayType.ACTIVATIONS, act, ws)
                .with(ArrayType.FF_WORKING_MEM, ff, ws)
                .with(ArrayType.BP_WORKING_MEM, bp, ws)
                .with(ArrayType.ACTIVATION_GRAD, "bench_grad_" + owner, ws)
                .with(ArrayType.FF_CACHE, ff, ws)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, ff, ws)
                .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, bp, ws)
                .build();
    }
}
