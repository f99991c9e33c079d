import { startFakeComfyUi } from "../../fixtures/fake-comfyui";
import { describeProviderContract } from "./contract";

describeProviderContract({ provider: "comfyui", model: "comfyui", start: startFakeComfyUi, urls: true, moderation: false });
