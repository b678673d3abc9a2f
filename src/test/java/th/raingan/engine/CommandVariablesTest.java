package th.raingan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import th.raingan.engine.CommandVariables.EndsTask;
import th.raingan.engine.CommandVariables.Kind;
import th.raingan.engine.CommandVariables.Payload;
import th.raingan.engine.CommandVariables.Start;
import th.raingan.engine.CommandVariables.Task;

/**
 * What the form guard reads from the engine's commands, from the fields it reads them
 * from: if a Camunda release renames or removes one, this fails (and the application
 * would not start).
 */
class CommandVariablesTest {

	static final Map<String, Object> SENT = Map.of("reviewGroup", "district-4207", "note", "ok");

	@Test
	void taskCompletionsCarryTheirTaskAndVariablesAndTakeTheKeptOnes() {
		CompleteTaskCmd complete = new CompleteTaskCmd("task-1", SENT);
		Task task = (Task) CommandVariables.of(complete).orElseThrow();
		assertThat(task.kind()).isEqualTo(Kind.COMPLETE);
		assertThat(task.taskId()).isEqualTo("task-1");
		assertThat(task.variables()).isEqualTo(SENT);
		task.replace().accept(CommandVariables.without(task.variables(), List.of("reviewGroup")));
		assertThat(((Task) CommandVariables.of(complete).orElseThrow()).variables()).containsOnlyKeys("note");

		assertThat(((Task) CommandVariables.of(new ResolveTaskCmd("task-2", SENT)).orElseThrow()).kind())
			.isEqualTo(Kind.RESOLVE);

		SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-3", SENT, false, false);
		Task submitted = (Task) CommandVariables.of(submit).orElseThrow();
		assertThat(submitted.taskId()).isEqualTo("task-3");
		assertThat(submitted.variables()).isEqualTo(SENT);
		submitted.replace().accept(CommandVariables.without(submitted.variables(), List.of("note")));
		assertThat(((Task) CommandVariables.of(submit).orElseThrow()).variables()).isInstanceOf(VariableMap.class)
			.containsOnlyKeys("reviewGroup");
	}

	@Test
	void startsCarryTheirDefinitionAndVariables() {
		SubmitStartFormCmd form = new SubmitStartFormCmd("definition-1", "bk", SENT);
		Start start = (Start) CommandVariables.of(form).orElseThrow();
		assertThat(start.kind()).isEqualTo(Kind.START_FORM);
		assertThat(start.processDefinitionId()).isEqualTo("definition-1");
		assertThat(start.variables()).isEqualTo(SENT);
		start.replace().accept(CommandVariables.without(start.variables(), List.of("note")));
		assertThat(((Start) CommandVariables.of(form).orElseThrow()).variables()).containsOnlyKeys("reviewGroup");

		ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
			.createProcessInstanceByKey(null, "district-report")
			.setVariables(SENT);
		Start byKey = (Start) CommandVariables.of(new StartProcessInstanceCmd(builder)).orElseThrow();
		assertThat(byKey.kind()).isEqualTo(Kind.START);
		assertThat(byKey.builder().getProcessDefinitionKey()).isEqualTo("district-report");
		assertThat(byKey.variables()).isEqualTo(SENT);
		byKey.replace().accept(CommandVariables.without(byKey.variables(), List.of("note")));
		assertThat(builder.getVariables()).containsOnlyKeys("reviewGroup");

		ProcessInstantiationBuilderImpl at = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
			.createProcessInstanceById(null, "definition-2")
			.startBeforeActivity("Task_ProvinceReview")
			.setVariable("initiator", "manager42");
		Start atActivity = (Start) CommandVariables.of(new StartProcessInstanceAtActivitiesCmd(at)).orElseThrow();
		assertThat(atActivity.processDefinitionId()).isEqualTo("definition-2");
		assertThat(atActivity.others()).contains(Map.of("initiator", "manager42"));
	}

	@Test
	void bpmnErrorsEscalationsAndPayloadsAreSeen() {
		assertThat(CommandVariables.of(new HandleTaskBpmnErrorCmd("task-4", "REPORT_ENDED")))
			.contains(new EndsTask("task-4", "bpmnError"));
		assertThat(CommandVariables.of(new HandleTaskEscalationCmd("task-5", "LATE")))
			.contains(new EndsTask("task-5", "bpmnEscalation"));

		MessageCorrelationBuilderImpl message = new MessageCorrelationBuilderImpl(new CommandExecutorImpl(),
				"roundClosed");
		message.setVariable("a", 1).setVariableLocal("b", 2).setVariableToTriggeredScope("c", 3);
		Payload payload = (Payload) CommandVariables.of(new CorrelateMessageCmd(message, false, false, false))
			.orElseThrow();
		assertThat(payload.what()).isEqualTo("message roundClosed");
		assertThat(payload.variables()).containsExactly(Map.of("a", 1), Map.of("b", 2), Map.of("c", 3));

		SignalEventReceivedBuilderImpl signal = new SignalEventReceivedBuilderImpl(new CommandExecutorImpl(), "alert");
		signal.setVariables(Map.of("d", 4));
		assertThat(((Payload) CommandVariables.of(new SignalEventReceivedCmd(signal)).orElseThrow()).variables())
			.containsExactly(Map.of("d", 4));

		ProcessInstanceModificationBuilderImpl modification = new ProcessInstanceModificationBuilderImpl(
				new CommandExecutorImpl(), "instance-1");
		modification.startBeforeActivity("Task_DistrictDraft").setVariable("e", 5);
		modification.setVariables(Variables.createVariables().putValue("f", 6));
		assertThat(
				((Payload) CommandVariables.of(new ModifyProcessInstanceCmd(modification)).orElseThrow()).variables())
			.contains(Map.of("e", 5, "f", 6));
	}

}
