export { createSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
export { SCENARIOS, isScenario, type ScenarioName } from './scenarios/index.js';
export { DEMO_CLUSTERS } from './scenarios/demo.js';
