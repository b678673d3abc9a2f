package th.raingan.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps no variable history of the processes named in
 * {@code raingan.history.without-variable-history} (application.yaml): the reports and
 * the offices' rounds. Everything else of the engine's {@code audit} history is written
 * as before (instances, activities, tasks, and the variables of every other process).
 * <p>
 * Why: a report's variables are its form's fields and what is shown beside them; each one
 * was written three times (runtime, history, and removed at the end), about 42 history
 * rows per approved report, and nothing reads them afterwards: what a district submitted,
 * every revision, who decided and why are kept in Raingan's own tables
 * ({@code raingan.report_version}, {@code raingan.report_area}, ...), and Cockpit shows a
 * running instance's variables from the runtime tables. Measured in BENCHMARK.md.
 * <p>
 * How: the engine's database history handler is switched off as the default and added
 * again behind a filter among the configuration's custom history event handlers (the
 * engine's documented way to customise history); the history level stays {@code audit},
 * so existing databases start unchanged.
 */
@Component
class VariableHistoryPlugin extends AbstractProcessEnginePlugin {

	private final Set<String> withoutVariableHistory;

	VariableHistoryPlugin(@Value("${raingan.history.without-variable-history:}") List<String> processKeys) {
		this.withoutVariableHistory = Set.copyOf(processKeys);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (withoutVariableHistory.isEmpty()) {
			return;
		}
		if (configuration.getCustomHistoryEventHandlers() == null) {
			configuration.setCustomHistoryEventHandlers(new ArrayList<>());
		}
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		configuration.getCustomHistoryEventHandlers()
			.add(0, new WithoutVariableHistory(new DbHistoryEventHandler(), withoutVariableHistory));
	}

	/**
	 * The database handler, given every event but the variables of the named processes.
	 */
	record WithoutVariableHistory(HistoryEventHandler database,
			Set<String> processKeys) implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (kept(event)) {
				database.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

		boolean kept(HistoryEvent event) {
			return !(event instanceof HistoricVariableUpdateEventEntity variable
					&& processKeys.contains(variable.getProcessDefinitionKey()));
		}

	}

}
