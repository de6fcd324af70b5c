import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  headings: { fontFamily: 'inherit' },
  defaultRadius: 'sm',
  // Plain objects rather than `Modal.extend(…)`: `extend` would pull the components into the first
  // page's chunk, which shows neither (decision 0010).
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } },
    // Hints under the field, so that inputs side by side in a grid line up whether or not they have one.
    InputWrapper: { defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } },
  },
});
