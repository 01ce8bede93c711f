package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/**
 * What a {@link Trainer} tells its {@link TrainingListener}, and when: checkpoints exactly at the
 * configured steps, at the end and on a stop request, and each evaluation after the step it
 * belongs to. The listener is a Mockito mock; the model, data and trainer are the real, small ones.
 */
@ExtendWith(MockitoExtension.class)
class TrainerListenerTest {

    @TempDir
    Path dir;
    @Mock
    TrainingListener listener;

    private Trainer trainer(TrainConfig config) {
        return new Trainer(Fixtures.spec(16), config, Fixtures.trainStream(), Fixtures.validStream(), dir, listener);
    }

    private static StepMetrics step(int n) {
        return argThat(m -> m != null && m.step() == n);
    }

    private static EvalMetrics evalAt(int n) {
        return argThat(m -> m != null && m.step() == n);
    }

    @Test
    void checkpointsComeExactlyAtTheConfiguredStepsAndAtTheEnd() {
        List<Boolean> fileExisted = new ArrayList<>();
        doAnswer(call -> fileExisted.add(Files.isRegularFile(call.<Path>getArgument(1))))
                .when(listener).onCheckpoint(anyInt(), any());

        TrainResult r = trainer(Fixtures.config(10, 0, 4)).train();

        InOrder order = inOrder(listener);
        for (int s : new int[] {4, 8, 10}) {
            order.verify(listener).onStep(step(s));
            order.verify(listener).onCheckpoint(s, CheckpointFiles.fileFor(dir, s));
        }
        verify(listener, times(3)).onCheckpoint(anyInt(), any());
        assertEquals(List.of(true, true, true), fileExisted, "each file is written before the listener hears of it");
        assertEquals(CheckpointFiles.fileFor(dir, 10), r.lastCheckpoint());
    }

    @Test
    void aStopRequestEndsWithOneCheckpointAtTheStepItStoppedAfter() {
        Trainer trainer = trainer(Fixtures.config(50, 10, 20));
        doAnswer(call -> {
            if (call.<StepMetrics>getArgument(0).step() == 7) {
                trainer.requestStop();
            }
            return null;
        }).when(listener).onStep(any());

        TrainResult r = trainer.train();

        verify(listener, times(7)).onStep(any());
        verify(listener).onCheckpoint(7, CheckpointFiles.fileFor(dir, 7));
        verify(listener, times(1)).onCheckpoint(anyInt(), any());
        verify(listener, never()).onEval(any());
        assertEquals(7, r.steps());
    }

    @Test
    void eachEvaluationFollowsTheStepItBelongsToAndPrecedesTheNext() {
        trainer(Fixtures.config(10, 5, 0)).train();

        InOrder order = inOrder(listener);
        order.verify(listener).onStep(step(5));
        order.verify(listener, atLeastOnce()).onEvalProgress(eq(5), anyInt(), anyInt());
        order.verify(listener).onEval(evalAt(5));
        order.verify(listener).onStep(step(6));
        order.verify(listener).onStep(step(10));
        order.verify(listener, atLeastOnce()).onEvalProgress(eq(10), anyInt(), anyInt());
        order.verify(listener).onEval(evalAt(10));
        order.verify(listener).onCheckpoint(10, CheckpointFiles.fileFor(dir, 10));
        verify(listener, times(2)).onEval(any());
        verify(listener, never()).onEvalProgress(eq(4), anyInt(), anyInt());
    }
}
