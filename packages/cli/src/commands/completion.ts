// `sigmamind completion bash|zsh|fish`: the script that makes the shell complete sigmamind's commands, flags and
// their values. Each script asks the hidden `sigmamind __complete` at every Tab (src/completion/).
import { BASH_SCRIPT } from "../completion/bash-script.js";
import { FISH_SCRIPT } from "../completion/fish-script.js";
import { ZSH_SCRIPT } from "../completion/zsh-script.js";
import { type Command, defineCommand } from "./command.js";

function scriptCommand(shell: string, script: string, examples: readonly string[]): Command {
  return defineCommand({
    name: shell,
    summary: `print the ${shell} script that completes sigmamind's commands, flags and values`,
    args: [],
    flags: {},
    examples,
    async run({ io }) {
      await io.stdout.write(script);
    },
  });
}

export const COMPLETION_COMMANDS: readonly Command[] = [
  scriptCommand("bash", BASH_SCRIPT, [
    "source <(sigmamind completion bash)    # in ~/.bashrc",
    "sigmamind completion bash > /etc/bash_completion.d/sigmamind    # for every user",
  ]),
  scriptCommand("zsh", ZSH_SCRIPT, [
    `sigmamind completion zsh > "\${fpath[1]}/_sigmamind"    # then start a new shell`,
    "sigmamind completion zsh > ~/.zfunc/_sigmamind    # with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc",
  ]),
  scriptCommand("fish", FISH_SCRIPT, ["sigmamind completion fish > ~/.config/fish/completions/sigmamind.fish"]),
];
