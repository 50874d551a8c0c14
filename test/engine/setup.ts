import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

// n8n-core's SSH client manager starts a cleanup interval when the engine first needs it;
// stop it once a test file is done, or jest would wait for it.
afterAll(() => {
	const manager = Container.get(SSHClientsManager) as unknown as { cleanupTimer?: NodeJS.Timeout };
	clearInterval(manager.cleanupTimer);
});
